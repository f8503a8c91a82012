public import Foundation

/// A community's discussion rules.
public struct CommunityDiscussionSettings: Hashable, Sendable, Codable {
    /// The community.
    public var communityID: CommunityID
    /// The emoji members may react with.
    public var allowedReactions: [String]
    /// A post is hidden automatically once this many distinct members flagged it.
    public var autoHideFlagThreshold: Int

    /// The default emoji set.
    public static let defaultReactions = ["👍", "❤️", "🎉", "😂", "🤔", "👀", "🙏", "🚀"]

    /// Creates settings; defaults: eight common emoji, auto-hide after 3 flags.
    public init(communityID: CommunityID, allowedReactions: [String] = CommunityDiscussionSettings.defaultReactions, autoHideFlagThreshold: Int = 3) {
        self.communityID = communityID
        self.allowedReactions = allowedReactions
        self.autoHideFlagThreshold = autoHideFlagThreshold
    }
}

/// A space's discussion rules.
public struct SpaceDiscussionSettings: Hashable, Sendable, Codable {
    /// The space.
    public var spaceID: SpaceID
    /// Whether members may reply to announcements.
    public var repliesToAnnouncements: Bool
    /// Slow mode: the least time between two posts of one member in this space (staff exempt); `nil` = off.
    public var slowMode: TimeInterval?

    /// Creates settings; defaults: replies to announcements allowed, no slow mode.
    public init(spaceID: SpaceID, repliesToAnnouncements: Bool = true, slowMode: TimeInterval? = nil) {
        self.spaceID = spaceID
        self.repliesToAnnouncements = repliesToAnnouncements
        self.slowMode = slowMode
    }
}

/// The orders in which a space's threads can be listed.
public enum ThreadOrder: String, CaseIterable, Hashable, Sendable, Codable {
    /// Most recent post first.
    case latestActivity
    /// Most recently started first.
    case newest
    /// Most reactions first.
    case topReactions
    /// Questions without an accepted answer, newest first.
    case unansweredQuestions
}

/// A position in a thread listing: the sort key of the last thread seen and its id.
public struct ThreadPosition: Hashable, Sendable, Codable {
    /// The sort key (milliseconds of the relevant date, or the reaction count).
    public var key: Int64
    /// The thread.
    public var threadID: ThreadID

    /// Creates a position.
    public init(key: Int64, threadID: ThreadID) {
        self.key = key
        self.threadID = threadID
    }

    /// The position of `thread` in a listing of `order`.
    public init(_ thread: DiscussionThread, order: ThreadOrder) {
        self.init(key: Self.key(of: thread, order: order), threadID: thread.id)
    }

    /// The sort key of `thread` in `order` (listings are by key descending, then id descending).
    public static func key(of thread: DiscussionThread, order: ThreadOrder) -> Int64 {
        switch order {
        case .latestActivity: Int64((thread.lastActivityAt.timeIntervalSince1970 * 1000).rounded(.down))
        case .newest, .unansweredQuestions: Int64((thread.createdAt.timeIntervalSince1970 * 1000).rounded(.down))
        case .topReactions: Int64(thread.reactionCount)
        }
    }

    /// Whether `thread` belongs in a listing of `order` at all (deleted threads never do).
    public static func lists(_ thread: DiscussionThread, in order: ThreadOrder) -> Bool {
        guard thread.deletedAt == nil else { return false }
        if order == .unansweredQuestions { return thread.kind == .question && thread.acceptedAnswer == nil }
        return true
    }

    /// Listing order: greater key first, then greater id.
    public func precedes(_ other: ThreadPosition) -> Bool {
        (key, threadID) > (other.key, other.threadID)
    }
}

/// Which way to read a thread's posts.
public enum PostDirection: String, Hashable, Sendable, Codable {
    /// Ascending numbers, after the cursor.
    case forward
    /// Descending numbers, before the cursor.
    case backward
}

/// A full-text query: normalized terms, every one required, the last matched as a prefix.
public struct SearchQuery: Hashable, Sendable {
    /// The terms, normalized (lowercase, no diacritics), in the order typed.
    public let terms: [String]

    /// Parses a query.
    /// - Throws: `invalidInput` if it has no word or more than 200 characters.
    public init(_ text: String) throws {
        guard text.count <= 200 else {
            throw CommunityError.invalidInput("a search query is at most 200 characters", field: "query")
        }
        var seen = Set<String>()
        let terms = SearchText.tokens(of: text).filter { seen.insert($0).inserted }
        guard !terms.isEmpty else {
            throw CommunityError.invalidInput("a search query needs at least one letter or digit", field: "query")
        }
        self.terms = Array(terms.prefix(16))
    }

    /// The terms matched exactly.
    public var exactTerms: ArraySlice<String> { terms.dropLast() }
    /// The term matched as a prefix (the one being typed).
    public var prefixTerm: String { terms[terms.count - 1] }
}

/// One search result.
public struct SearchHit: Hashable, Sendable {
    /// The post that matched (the first post when the thread's title matched).
    public var postID: PostID
    /// Its thread.
    public var threadID: ThreadID
    /// Its space.
    public var spaceID: SpaceID
    /// BM25 relevance; greater is better.
    public var score: Double

    /// Creates a hit.
    public init(postID: PostID, threadID: ThreadID, spaceID: SpaceID, score: Double) {
        self.postID = postID
        self.threadID = threadID
        self.spaceID = spaceID
        self.score = score
    }
}
