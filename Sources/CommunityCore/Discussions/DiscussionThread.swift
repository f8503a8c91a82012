public import Foundation

/// Identifies a ``DiscussionThread``.
public typealias ThreadID = Identifier<DiscussionThread>
/// Identifies a ``Post``.
public typealias PostID = Identifier<Post>
/// Identifies a ``Flag``.
public typealias FlagID = Identifier<Flag>
/// Identifies an ``InboxItem``.
public typealias InboxItemID = Identifier<InboxItem>

/// A conversation in a space: a title, a first post, and a flat timeline of replies.
///
/// Counters (`postCount`, `reactionCount`, `lastPostNumber`) are kept by the discussion engine
/// on every write, so listings and unread counts never count posts.
public struct DiscussionThread: Hashable, Sendable, Codable, Identifiable {
    /// The thread's identifier.
    public var id: ThreadID
    /// The community.
    public var communityID: CommunityID
    /// The space the thread is in (changes when moved).
    public var spaceID: SpaceID
    /// Who started it.
    public var authorID: MemberID
    /// Whether the author was staff when starting it.
    public var authorIsStaff: Bool
    /// Discussion, question or announcement.
    public var kind: Kind
    /// The title, 1–200 characters.
    public var title: String
    /// Tags, at most 10.
    public var tags: [String]
    /// The first post.
    public var firstPostID: PostID
    /// When it was started.
    public var createdAt: Date
    /// When the last post was made (or the thread started).
    public var lastActivityAt: Date
    /// Posts ever made, the first included (deleted ones too: numbers are never reused).
    public var lastPostNumber: Int
    /// Posts not deleted.
    public var postCount: Int
    /// Reactions on all of its posts.
    public var reactionCount: Int
    /// Replies (posts after the first) not deleted.
    public var replyCount: Int
    /// Pin order in its space (lower first); `nil` when not pinned.
    public var pinOrder: Int?
    /// A locked thread refuses replies.
    public var isLocked: Bool
    /// A closed thread refuses replies and is marked resolved/finished.
    public var isClosed: Bool
    /// When it was deleted (soft), if it was.
    public var deletedAt: Date?
    /// The accepted answer of a question.
    public var acceptedAnswer: AcceptedAnswer?

    /// Creates a thread record. Use `DiscussionEngine.startThread` to create one with validation.
    public init(
        id: ThreadID, communityID: CommunityID, spaceID: SpaceID, authorID: MemberID, authorIsStaff: Bool, kind: Kind,
        title: String, tags: [String], firstPostID: PostID, createdAt: Date
    ) {
        self.id = id
        self.communityID = communityID
        self.spaceID = spaceID
        self.authorID = authorID
        self.authorIsStaff = authorIsStaff
        self.kind = kind
        self.title = title
        self.tags = tags
        self.firstPostID = firstPostID
        self.createdAt = createdAt
        self.lastActivityAt = createdAt
        self.lastPostNumber = 1
        self.postCount = 1
        self.reactionCount = 0
        self.replyCount = 0
        self.pinOrder = nil
        self.isLocked = false
        self.isClosed = false
        self.deletedAt = nil
        self.acceptedAnswer = nil
    }

    /// What a thread is for.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Open conversation.
        case discussion
        /// A question that can get an accepted answer.
        case question
        /// A staff announcement.
        case announcement
    }

    /// Whether a question has an accepted answer.
    public var isAnswered: Bool { acceptedAnswer != nil }
}

/// The reply accepted as a question's answer, and who wrote it.
public struct AcceptedAnswer: Hashable, Sendable, Codable {
    /// The accepted reply.
    public var postID: PostID
    /// Its author.
    public var authorID: MemberID
    /// Whether the author was staff (owner, admin, moderator) when it was accepted; a peer answer otherwise.
    public var byStaff: Bool
    /// Who accepted it (the asker or a moderator).
    public var acceptedBy: Principal
    /// When.
    public var acceptedAt: Date

    /// Creates an accepted answer.
    public init(postID: PostID, authorID: MemberID, byStaff: Bool, acceptedBy: Principal, acceptedAt: Date) {
        self.postID = postID
        self.authorID = authorID
        self.byStaff = byStaff
        self.acceptedBy = acceptedBy
        self.acceptedAt = acceptedAt
    }
}
