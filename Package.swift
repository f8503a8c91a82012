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
        .library(name: "CommunityInsights", targets: ["CommunityInsights"]),
        .executable(name: "community-demo", targets: ["community-demo"]),
    ],
    targets: [
        .target(name: "CommunityCore", swiftSettings: sharedSwiftSettings),
        .testTarget(name: "CommunityCoreTests", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .target(name: "CommunityInsights", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CommunityInsightsTests",
            dependencies: ["CommunityInsights", "CommunityCore"],
            exclude: ["Fixtures"],
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(
            name: "community-demo",
            dependencies: ["CommunityInsights", "CommunityCore"],
            path: "Examples/CommunityDemo",
            swiftSettings: sharedSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
