// The umbrella module: `import CommunityKit` brings every CommunityKit module.
@_exported import CommunityCore
@_exported import CommunityDiscussions
@_exported import CommunityEvents
@_exported import CommunityInsights
@_exported import CommunitySQLite
