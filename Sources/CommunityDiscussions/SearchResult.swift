public import CommunityCore

/// One search result: the matching post with its thread.
public struct SearchResult: Hashable, Sendable {
    /// The thread.
    public var thread: DiscussionThread
    /// The post that matched (the first post when the title matched).
    public var post: Post
    /// BM25 relevance; greater is better.
    public var score: Double
}
