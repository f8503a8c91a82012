public import Foundation

/// One message of a thread's timeline: the first post or a reply.
public struct Post: Hashable, Sendable, Codable, Identifiable {
    /// The post's identifier.
    public var id: PostID
    /// The community.
    public var communityID: CommunityID
    /// The space of its thread.
    public var spaceID: SpaceID
    /// Its thread.
    public var threadID: ThreadID
    /// Position in the thread, 1 for the first post; never reused.
    public var number: Int
    /// The author; `nil` once the author's data was erased (a tombstone author).
    public var authorID: MemberID?
    /// Whether the author was staff when posting.
    public var authorIsStaff: Bool
    /// Markdown as written (empty once deleted).
    public var body: String
    /// Plain-text excerpt, at most 200 characters, cut at a word boundary.
    public var excerpt: String
    /// Members mentioned with `@handle` that resolved.
    public var mentions: [MemberID]
    /// `#tags` in the body.
    public var tags: [String]
    /// Links in the body.
    public var links: [String]
    /// The post this one answers, in the same thread.
    public var inReplyTo: PostID?
    /// When it was posted.
    public var createdAt: Date
    /// When it was last edited.
    public var editedAt: Date?
    /// When it was deleted; a deleted post stays as a tombstone so the thread still reads.
    public var deletedAt: Date?
    /// Who deleted it.
    public var deletedBy: Principal?
    /// When moderation hid it (flags or a moderator); hidden posts are shown only to staff and the author.
    public var hiddenAt: Date?
    /// Reaction counts per emoji.
    public var reactionCounts: [String: Int]

    /// Creates a post record. Use `DiscussionEngine.reply` to create one with validation.
    public init(
        id: PostID, communityID: CommunityID, spaceID: SpaceID, threadID: ThreadID, number: Int, authorID: MemberID?,
        authorIsStaff: Bool, body: String, excerpt: String, mentions: [MemberID] = [], tags: [String] = [], links: [String] = [],
        inReplyTo: PostID? = nil, createdAt: Date
    ) {
        self.id = id
        self.communityID = communityID
        self.spaceID = spaceID
        self.threadID = threadID
        self.number = number
        self.authorID = authorID
        self.authorIsStaff = authorIsStaff
        self.body = body
        self.excerpt = excerpt
        self.mentions = mentions
        self.tags = tags
        self.links = links
        self.inReplyTo = inReplyTo
        self.createdAt = createdAt
        self.editedAt = nil
        self.deletedAt = nil
        self.deletedBy = nil
        self.hiddenAt = nil
        self.reactionCounts = [:]
    }

    /// Whether the post was deleted.
    public var isDeleted: Bool { deletedAt != nil }
}

/// A previous version of an edited post.
public struct PostRevision: Hashable, Sendable, Codable {
    /// The post.
    public var postID: PostID
    /// 1 for the first edit, then 2, …
    public var number: Int
    /// The body before this edit.
    public var previousBody: String
    /// Who edited.
    public var editedBy: Principal
    /// When.
    public var editedAt: Date

    /// Creates a revision record.
    public init(postID: PostID, number: Int, previousBody: String, editedBy: Principal, editedAt: Date) {
        self.postID = postID
        self.number = number
        self.previousBody = previousBody
        self.editedBy = editedBy
        self.editedAt = editedAt
    }
}

/// One member's reaction to a post.
public struct Reaction: Hashable, Sendable, Codable {
    /// The post.
    public var postID: PostID
    /// Who reacted.
    public var memberID: MemberID
    /// The emoji, one of the community's allowed set.
    public var emoji: String
    /// When.
    public var createdAt: Date

    /// Creates a reaction record.
    public init(postID: PostID, memberID: MemberID, emoji: String, createdAt: Date) {
        self.postID = postID
        self.memberID = memberID
        self.emoji = emoji
        self.createdAt = createdAt
    }
}
