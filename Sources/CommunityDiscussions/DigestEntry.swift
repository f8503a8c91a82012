public import CommunityCore

/// One thread of a member's digest.
public struct DigestEntry: Hashable, Sendable {
    /// The thread.
    public var thread: DiscussionThread
    /// Posts the member has not read.
    public var unreadPosts: Int
}
