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
        .library(name: "CommunityEvents", targets: ["CommunityEvents"]),
        .executable(name: "community-demo", targets: ["community-demo"]),
        .executable(name: "community-bench", targets: ["community-bench"]),
    ],
    targets: [
        .target(name: "CommunityCore", swiftSettings: sharedSwiftSettings),
        .target(name: "CommunityEvents", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .executableTarget(
            name: "community-demo",
            dependencies: ["CommunityCore", "CommunityEvents"],
            path: "Examples/CommunityDemo",
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(
            name: "community-bench",
            dependencies: ["CommunityEvents"],
            path: "Benchmarks/CommunityBench",
            resources: [.copy("Resources")],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(name: "CommunityCoreTests", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CommunityEventsTests",
            dependencies: ["CommunityEvents", "CommunityCore"],
            resources: [.copy("Resources")],
            swiftSettings: sharedSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
