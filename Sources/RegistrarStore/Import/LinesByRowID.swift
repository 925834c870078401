import GRDB
import RegistrarModel
import RegistrarInput

/// The line of the file being imported that named each stored row, by the row's rowid (0: none has),
/// so an importer can reject a second row for the same record with the line of the first.
///
/// Four bytes a stored row, sized from the table at the start and grown as rows are inserted, where a
/// set of the rows' keys would grow with the file (a million-row services file held 290 MB that way).
struct LinesByRowID {
    private var lines: [Int32]

    init(_ db: Database, table: String) throws {
        let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table)") ?? 0
        lines = [Int32](repeating: 0, count: Int(maxID) + 1024)
    }

    subscript(id: Int64) -> Int32 {
        get { Int(id) < lines.count ? lines[Int(id)] : 0 }
        set {
            let index = Int(id)
            if index >= lines.count { lines.append(contentsOf: repeatElement(0, count: index - lines.count + 65_536)) }
            lines[index] = newValue
        }
    }
}
