public import CommunityCore

/// A member's unread state in one space.
public struct UnreadCount: Hashable, Sendable {
    /// The space.
    public var spaceID: SpaceID
    /// Threads with at least one unread post.
    public var threads: Int
    /// Unread posts over those threads.
    public var posts: Int
}
