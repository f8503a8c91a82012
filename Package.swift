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
    ],
    targets: [
        .target(name: "CommunityCore", swiftSettings: sharedSwiftSettings),
        .testTarget(name: "CommunityCoreTests", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .target(name: "CommunityInsights", dependencies: ["CommunityCore"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "CommunityInsightsTests",
            dependencies: ["CommunityInsights", "CommunityCore"],
            swiftSettings: sharedSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
