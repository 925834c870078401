// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "registrar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "registrar", targets: ["registrar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // The layers, each a target, so the compiler keeps them apart (README's Layout draws the arrows).
        //
        // Days, months, terms and the rules: growth, caps, shares, sanctions, periods, standing, and
        // the report models. The standard library and Foundation only.
        // Each lower layer's small functions are inlined across the target line in release builds: without
        // it the re-import of a roster took about 1.5 times the CPU it took as one module.
        .target(name: "RegistrarModel", swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Bytes to typed rows and back to files: encodings, CSV, headers, normalisers, validators,
        // the safe output file. No database.
        .target(name: "RegistrarInput", dependencies: ["RegistrarModel", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Report models to text, tables, CSV, JSON and HTML. Models only: no database, no files.
        .target(name: "RegistrarRender", dependencies: ["RegistrarModel"], swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // The one place that imports GRDB and writes SQL: the registry, its migrations, the import's
        // bind layer, every query. `schema.sql` at the top of the repository is the one source of
        // truth for the schema; the target embeds it through a symbolic link, so there is no second
        // copy to drift. The migrations' SQL files are frozen copies of what each release shipped.
        .target(
            name: "RegistrarStore",
            dependencies: ["RegistrarModel", "RegistrarInput", "CRegistrar", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [
                .embedInCode("Store/schema.sql"),
                .embedInCode("Store/Migrations/v1-schema.sql"),
                .embedInCode("Store/Migrations/v2-enumeration-checks.sql"),
                .embedInCode("Store/Migrations/v3-identity-index.sql"),
                .embedInCode("Store/Migrations/v4-registration.sql"),
                .embedInCode("Store/Migrations/v5-web-users.sql"),
                .embedInCode("Store/Migrations/v6-registration-speed.sql"),
                .embedInCode("Store/Migrations/v7-web-search.sql"),
                .embedInCode("Store/Migrations/v8-period-span-columns.sql"),
                .embedInCode("Store/Migrations/v9-name-index-without-sizes.sql"),
            ]
        ),
        // The SQLite settings that only the variadic sqlite3_config can make.
        .target(name: "CRegistrar", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The staff web view (`registrar serve`): routes, sessions and pages over the store and the renderers.
        .target(
            name: "RegistrarWeb",
            dependencies: [
                "RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
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
                "RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender",
                "RegistrarWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "registrar-bench",
            dependencies: ["RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender"]
        ),
        .testTarget(name: "RegistrarKitTests", dependencies: ["RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "StoreTests", dependencies: ["RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender"]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "RegistrarWeb", "RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Depending on the executable makes `swift test` build the binary these tests run.
        .testTarget(name: "EndToEndTests", dependencies: ["RegistrarModel", "RegistrarInput", "RegistrarStore", "RegistrarRender", "registrar"]),
    ],
    swiftLanguageModes: [.v6]
)
