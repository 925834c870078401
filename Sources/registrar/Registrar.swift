import RegistrarKit
@main struct Registrar { static func main() { print(Schema.sql) } }
