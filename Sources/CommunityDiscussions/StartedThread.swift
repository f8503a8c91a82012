public import CommunityCore

/// A new thread with its first post.
public struct StartedThread: Hashable, Sendable {
    /// The thread.
    public var thread: DiscussionThread
    /// Its first post.
    public var firstPost: Post
}
