// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "registrar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "registrar", targets: ["registrar"]),
        .library(name: "RegistrarKit", targets: ["RegistrarKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // Everything but argument parsing and printing. `schema.sql` at the top of the
        // repository is the one source of truth for the schema; the target embeds it
        // through a symbolic link, so there is no second copy to drift. The migrations'
        // SQL files are frozen copies of what each release shipped.
        .target(
            name: "RegistrarKit",
            dependencies: ["CRegistrar", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [
                .embedInCode("Store/schema.sql"),
                .embedInCode("Store/Migrations/v1-schema.sql"),
                .embedInCode("Store/Migrations/v2-enumeration-checks.sql"),
                .embedInCode("Store/Migrations/v3-identity-index.sql"),
                .embedInCode("Store/Migrations/v4-registration.sql"),
                .embedInCode("Store/Migrations/v5-web-users.sql"),
                .embedInCode("Store/Migrations/v7-web-search.sql"),
            ]
        ),
        // The processor's SHA-256 instructions, which Swift cannot name, and the one SQLite
        // setting that only the variadic sqlite3_config can make.
        .target(name: "CRegistrar", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The staff web view (`registrar serve`): routes, sessions and pages over RegistrarKit.
        .target(
            name: "RegistrarWeb",
            dependencies: [
                "RegistrarKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The page templates are compiled into the binary: `registrar serve` needs no files beside it.
            resources: [
                .embedInCode("Templates/layout.mustache"),
                .embedInCode("Templates/login.mustache"),
                .embedInCode("Templates/problem.mustache"),
                .embedInCode("Templates/sections.mustache"),
                .embedInCode("Templates/import.mustache"),
            ]
        ),
        .executableTarget(
            name: "registrar",
            dependencies: [
                "RegistrarKit",
                "RegistrarWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "registrar-bench",
            dependencies: ["RegistrarKit"]
        ),
        .testTarget(name: "RegistrarKitTests", dependencies: ["RegistrarKit"]),
        .testTarget(name: "StoreTests", dependencies: ["RegistrarKit"]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "RegistrarWeb", "RegistrarKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Depending on the executable makes `swift test` build the binary these tests run.
        .testTarget(name: "EndToEndTests", dependencies: ["RegistrarKit", "registrar"]),
    ],
    swiftLanguageModes: [.v6]
)
