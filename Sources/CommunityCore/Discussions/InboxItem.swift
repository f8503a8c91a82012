public import Foundation

/// A notification in a member's inbox.
public struct InboxItem: Hashable, Sendable, Codable, Identifiable {
    /// The item's identifier (time-ordered: newer items have greater ids).
    public var id: InboxItemID
    /// The community.
    public var communityID: CommunityID
    /// Whose inbox.
    public var memberID: MemberID
    /// What happened.
    public var kind: Kind
    /// Who caused it.
    public var actor: Principal
    /// The thread concerned (for discussion notifications).
    public var threadID: ThreadID?
    /// The post concerned.
    public var postID: PostID?
    /// A short text (a title, an excerpt, a moderation reason).
    public var summary: String
    /// When.
    public var createdAt: Date
    /// When the member read it.
    public var readAt: Date?

    /// Creates an inbox item.
    public init(id: InboxItemID, communityID: CommunityID, memberID: MemberID, kind: Kind, actor: Principal, threadID: ThreadID? = nil,
                postID: PostID? = nil, summary: String, createdAt: Date, readAt: Date? = nil) {
        self.id = id
        self.communityID = communityID
        self.memberID = memberID
        self.kind = kind
        self.actor = actor
        self.threadID = threadID
        self.postID = postID
        self.summary = summary
        self.createdAt = createdAt
        self.readAt = readAt
    }

    /// Why a member is notified.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Someone wrote `@handle`.
        case mentioned
        /// Someone replied to the member's post.
        case repliedTo
        /// A reply in a thread the member follows.
        case followedThreadReply
        /// A new thread in a space the member follows.
        case followedSpaceThread
        /// The member's reply was accepted as the answer.
        case answerAccepted
        /// A moderator acted on the member's content or account.
        case moderation
        /// A seat freed up: the member moved from an event's waitlist to a confirmed seat.
        case eventSeatConfirmed
    }
}

/// A report that a post breaks the rules.
public struct Flag: Hashable, Sendable, Codable, Identifiable {
    /// The flag's identifier.
    public var id: FlagID
    /// The community.
    public var communityID: CommunityID
    /// The space of the post.
    public var spaceID: SpaceID
    /// The flagged post.
    public var postID: PostID
    /// Who flagged.
    public var reporterID: MemberID
    /// Why.
    public var reason: Reason
    /// A note for the moderators (required for `other`), up to 500 characters.
    public var note: String
    /// When.
    public var createdAt: Date
    /// How a moderator resolved it; `nil` while in the queue.
    public var resolution: Resolution?
    /// Who resolved it.
    public var resolvedBy: Principal?
    /// When.
    public var resolvedAt: Date?

    /// Creates a flag record.
    public init(id: FlagID, communityID: CommunityID, spaceID: SpaceID, postID: PostID, reporterID: MemberID, reason: Reason, note: String,
                createdAt: Date) {
        self.id = id
        self.communityID = communityID
        self.spaceID = spaceID
        self.postID = postID
        self.reporterID = reporterID
        self.reason = reason
        self.note = note
        self.createdAt = createdAt
    }

    /// Why a post is flagged.
    public enum Reason: String, CaseIterable, Hashable, Sendable, Codable {
        /// Advertising, bots.
        case spam
        /// Rude, abusive, harassing.
        case offensive
        /// Not about the space's topic.
        case offTopic
        /// Anything else (a note is required).
        case other
    }

    /// What a moderator decided.
    public enum Resolution: String, CaseIterable, Hashable, Sendable, Codable {
        /// The post is fine.
        case dismissed
        /// The post is hidden from members.
        case hidden
        /// The post is deleted.
        case deleted
        /// The post is deleted and its author suspended.
        case authorSuspended
    }
}
