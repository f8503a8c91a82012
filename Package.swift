// swift-tools-version: 6.1
import PackageDescription

/// Settings every target of the package shares: Swift 6 language mode is the package default;
/// these upcoming features keep imports explicit and concurrency semantics future-proof.
let sharedSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "CommunityKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CommunityCore", targets: ["CommunityCore"]),
        .library(name: "CommunitySQLite", targets: ["CommunitySQLite"]),
    ],
    targets: [
        .target(name: "CommunityCore", swiftSettings: sharedSwiftSettings),
        .testTarget(name: "CommunityCoreTests", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "CommunitySQLite", dependencies: ["CommunityCore", "CSQLite"], swiftSettings: sharedSwiftSettings),
        // Test-only helper: the child process of the crash test (not a product).
        .executableTarget(
            name: "sqlite-crash-writer",
            dependencies: ["CommunitySQLite", "CommunityCore"],
            path: "Tests/SQLiteCrashWriter",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "CommunitySQLiteTests",
            dependencies: ["CommunitySQLite", "CommunityCore", "CSQLite", "sqlite-crash-writer"],
            swiftSettings: sharedSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
