// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Onderdak",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "onderdak", targets: ["onderdak"]),
        .executable(name: "onderdak-bench", targets: ["OnderdakBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("data")]
        ),
        .target(name: "ShelterDomain"),
        .target(
            name: "Journal",
            dependencies: [
                "ShelterDomain",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["CNCursesw"]),
        .target(
            name: "DeskApp",
            dependencies: [
                "TerminalUI", "ShelterDomain", "Journal", "OnderdakResources", "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "onderdak",
            dependencies: [
                "DeskApp", "Journal", "ShelterDomain", "OnderdakResources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "OnderdakBench",
            dependencies: ["Journal", "ShelterDomain"]
        ),
        .testTarget(name: "ShelterDomainTests", dependencies: ["ShelterDomain", "OnderdakResources"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "ShelterDomain"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "DeskApp", "OnderdakResources", "ShelterDomain", "Journal"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Journal", "ShelterDomain"]),
        .testTarget(name: "ExportTests", dependencies: ["DeskApp", "Journal", "ShelterDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
