// swift-tools-version: 6.1
import PackageDescription

/// Settings every target of the package shares: Swift 6 language mode is the package default;
/// these upcoming features keep imports explicit and concurrency semantics future-proof.
let sharedSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "CommunityKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CommunityCore", targets: ["CommunityCore"]),
        .library(name: "CommunitySQLite", targets: ["CommunitySQLite"]),
        .library(name: "CommunityTesting", targets: ["CommunityTesting"]),
        .library(name: "CommunityDiscussions", targets: ["CommunityDiscussions"]),
        .library(name: "CommunityEvents", targets: ["CommunityEvents"]),
        .library(name: "CommunityInsights", targets: ["CommunityInsights"]),
        .library(name: "CommunityKit", targets: ["CommunityKit"]),
        .library(name: "CommunityPostgres", targets: ["CommunityPostgres"]),
        .executable(name: "community-demo", targets: ["community-demo"]),
        .executable(name: "community-bench", targets: ["community-bench"]),
    ],
    traits: [
        .trait(
            name: "Postgres",
            description: "The PostgreSQL backend (CommunityPostgres, on PostgresNIO). Off by default: without it the package fetches nothing."
        )
    ],
    // Only the `Postgres` trait uses it: without the trait SwiftPM prunes it and fetches nothing.
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.5.0"),
    ],
    targets: [
        .target(name: "CommunityCore", swiftSettings: sharedSwiftSettings),
        .target(
            name: "CommunityTesting", dependencies: ["CommunityCore", "CommunityDiscussions", "CommunityEvents", "CommunityInsights"],
            swiftSettings: sharedSwiftSettings),
        .target(name: "CommunityDiscussions", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .target(name: "CommunityEvents", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .target(name: "CommunityInsights", dependencies: ["CommunityCore", "CPrefetch"], swiftSettings: sharedSwiftSettings),
        // Cache prefetch hints (a C header) for the insights engine's row loops.
        .target(name: "CPrefetch"),
        .target(
            name: "CommunityKit", dependencies: ["CommunityCore", "CommunityDiscussions", "CommunityEvents", "CommunityInsights", "CommunitySQLite"], swiftSettings: sharedSwiftSettings),
        .executableTarget(
            name: "community-demo", dependencies: ["CommunityKit"], path: "Examples/CommunityDemo", swiftSettings: sharedSwiftSettings),
        // `swift run -c release community-bench`: figures of Benchmarks/README.md (never timed tests).
        .executableTarget(
            name: "community-bench",
            dependencies: [
                "CommunityCore", "CommunityDiscussions", "CommunityEvents", "CommunityInsights", "CommunitySQLite", "CommunityTesting", "CSQLite",
                // `--backend postgres`: sources wrapped in `#if Postgres`, nothing fetched without the trait.
                "CommunityPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
            ],
            path: "Benchmarks/CommunityBench",
            resources: [.copy("Resources")],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(name: "CommunityCoreTests", dependencies: ["CommunityCore", "CommunityTesting"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CommunityEventsTests",
            dependencies: ["CommunityEvents", "CommunityCore", "CommunityTesting"],
            resources: [.copy("Resources")],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "CommunityInsightsTests",
            dependencies: ["CommunityInsights", "CommunityCore", "CommunityTesting"],
            exclude: ["Fixtures"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "CommunityDiscussionsTests", dependencies: ["CommunityDiscussions", "CommunityCore", "CommunityTesting"],
            swiftSettings: sharedSwiftSettings),
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
            dependencies: ["CommunitySQLite", "CommunityCore", "CommunityEvents", "CommunityTesting", "CSQLite", "sqlite-crash-writer"],
            swiftSettings: sharedSwiftSettings
        ),
        // Sources wrapped in `#if Postgres`: an empty module without the trait.
        .target(
            name: "CommunityPostgres",
            dependencies: [
                "CommunityCore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Postgres"])),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "CommunityPostgresTests",
            dependencies: [
                "CommunityPostgres", "CommunityCore", "CommunityDiscussions", "CommunityEvents", "CommunityTesting",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Postgres"])),
            ],
            swiftSettings: sharedSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
