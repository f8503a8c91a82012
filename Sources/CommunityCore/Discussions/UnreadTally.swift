/// A member's unread state in one space, as a store counts it
/// (``DiscussionReadTransaction/unreadTallies(of:in:activeAfter:)``).
public struct UnreadTally: Hashable, Sendable {
    /// The space.
    public var spaceID: SpaceID
    /// Threads with at least one unread post.
    public var threads: Int
    /// Unread posts over those threads.
    public var posts: Int

    /// Creates a tally.
    public init(spaceID: SpaceID, threads: Int, posts: Int) {
        self.spaceID = spaceID
        self.threads = threads
        self.posts = posts
    }
}
