// The umbrella module: `import CommunityKit` brings every CommunityKit module.
@_exported import CommunityCore
