// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Onderdak",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "onderdak", targets: ["onderdak"]),
        .executable(name: "onderdak-dev", targets: ["OnderdakDev"]),
        .executable(name: "onderdak-bench", targets: ["OnderdakBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesw",
            path: "Sources/CNCursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Data, not code: checklist rule sets, translations. Lives at the top level `Resources/`.
        .target(
            name: "OnderdakResources",
            dependencies: ["ShelterDomain"],
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("data")]
        ),
        .target(name: "ShelterDomain"),
        // CRC-32C and SHA-256 on the processor's own instructions (SSE 4.2, SHA extensions).
        .target(name: "CFastHash"),
        .target(
            name: "Journal",
            dependencies: [
                "ShelterDomain", "OnderdakResources", "CFastHash",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The journal on PostgreSQL: the only library target importing PostgresNIO (the bench
        // also does, for the bare INSERT it is measured against).
        .target(
            name: "PostgresStore",
            dependencies: [
                "Journal", "ShelterDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["CNCursesw"]),
        // Everything that is not a screen: exports and their CSV/SQLite writers, PIN hashing, keys,
        // inventory import, the demo and city generators, the desk simulator.
        .target(
            name: "Services",
            dependencies: [
                "ShelterDomain", "Journal", "OnderdakResources", "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The desk: screens, their models, the session. No SQLite, no Crypto.
        .target(
            name: "DeskApp",
            dependencies: ["TerminalUI", "ShelterDomain", "Journal", "OnderdakResources", "Services"]
        ),
        // What the two executables share: journal options, PIN entry, failure messages.
        .target(
            name: "CommandSupport",
            dependencies: [
                "Journal", "ShelterDomain", "Services",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "onderdak",
            dependencies: [
                "DeskApp", "Services", "CommandSupport", "Journal", "ShelterDomain", "OnderdakResources", "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "OnderdakDev",
            dependencies: [
                "DeskApp", "Services", "CommandSupport", "Journal", "ShelterDomain", "OnderdakResources", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "OnderdakBench",
            dependencies: ["Journal", "ShelterDomain", "PostgresStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(name: "ShelterDomainTests", dependencies: ["ShelterDomain", "OnderdakResources"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "ShelterDomain", "CFastHash", .product(name: "Crypto", package: "swift-crypto")]),
        // What the screen tests share: the demo in memory (a journal kept in an array), sessions
        // on it or on a journal file, rendering with the per-run parts masked, the golden files.
        .target(
            name: "ScreenTestSupport",
            dependencies: ["DeskApp", "Services", "Journal", "ShelterDomain", "TerminalUI"],
            path: "Tests/ScreenTestSupport"
        ),
        // Widgets, text width, translations, and the desk on journal files (first run, two desks, live refresh, snapshots).
        .testTarget(name: "TerminalUITests", dependencies: ["ScreenTestSupport", "TerminalUI", "DeskApp", "Services", "OnderdakResources", "ShelterDomain", "Journal"], exclude: ["Golden"]),
        // The desk's screens with no journal on disk: a state in memory in, a buffer out (goldens in TerminalUITests/Golden).
        .testTarget(name: "DeskAppTests", dependencies: ["ScreenTestSupport", "TerminalUI", "DeskApp", "Services", "OnderdakResources", "ShelterDomain", "Journal"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Journal", "ShelterDomain", "CommandSupport"]),
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "Journal", "ShelterDomain", "CommandSupport"]),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "ExportTests", dependencies: ["DeskApp", "Services", "Journal", "ShelterDomain", "CommandSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
