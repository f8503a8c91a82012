public import CommunityCore

/// A post's reactions as one viewer sees them: counts per emoji and which ones are theirs.
public struct ReactionSummary: Hashable, Sendable {
    /// The post.
    public var postID: PostID
    /// Count per emoji (emoji with no reaction are absent).
    public var counts: [String: Int]
    /// The emoji the viewer reacted with.
    public var mine: Set<String>
}
