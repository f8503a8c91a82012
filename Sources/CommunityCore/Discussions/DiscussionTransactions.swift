public import Foundation

/// The discussion reads a store offers. A store that holds discussions conforms its read
/// transactions to this protocol; the discussion engine refuses to run on one that does not.
///
/// Contract, on top of ``StoreReadTransaction``'s:
/// - Thread listings follow ``ThreadPosition``: key descending, then id descending, strictly
///   after the cursor; deleted threads never appear; `unansweredQuestions` lists questions
///   without an accepted answer.
/// - Search indexes the title of a thread with its first post and the body of every post, folds
///   case and diacritics like ``SearchText``, requires every term (the last as a prefix), ranks
///   by BM25 (k1 = 1.2, b = 0.75) and never returns deleted or hidden posts or posts of deleted threads.
public protocol DiscussionReadTransaction: InboxReadTransaction {
    /// The community's discussion settings, if set.
    func discussionSettings(of community: CommunityID) async throws -> CommunityDiscussionSettings?
    /// The space's discussion settings, if set.
    func discussionSettings(ofSpace space: SpaceID) async throws -> SpaceDiscussionSettings?

    /// The thread, if it belongs to `community` (deleted ones too).
    func thread(_ id: ThreadID, in community: CommunityID) async throws -> DiscussionThread?
    /// A page of a space's threads in `order`.
    func threads(in space: SpaceID, order: ThreadOrder, after: ThreadPosition?, limit: Int) async throws -> [DiscussionThread]
    /// The space's pinned threads, by pin order.
    func pinnedThreads(in space: SpaceID) async throws -> [DiscussionThread]

    /// The post, if it belongs to `community`.
    func post(_ id: PostID, in community: CommunityID) async throws -> Post?
    /// Posts of a thread by number: `forward` gives numbers greater than `after`, ascending;
    /// `backward` gives numbers less than `after`, descending.
    func posts(in thread: ThreadID, after number: Int, direction: PostDirection, limit: Int) async throws -> [Post]
    /// The edit history of a post, oldest first.
    func revisions(of post: PostID) async throws -> [PostRevision]
    /// How many posts the member made at or after `since` (for rate limits).
    func postCount(by member: MemberID, since: Date) async throws -> Int
    /// When the member last posted in the space.
    func lastPostDate(by member: MemberID, in space: SpaceID) async throws -> Date?

    /// The member's reactions on these posts (for "did I react").
    func reactions(by member: MemberID, on posts: [PostID]) async throws -> [Reaction]

    /// The member's read marker in the thread.
    func readMarker(of member: MemberID, in thread: ThreadID) async throws -> ReadMarker?
    /// The member's read markers in several threads at once, by thread (threads without one are
    /// absent). A default implementation asks ``readMarker(of:in:)`` per thread; backends answer
    /// it in one query.
    func readMarkers(of member: MemberID, in threads: [ThreadID]) async throws -> [ThreadID: ReadMarker]
    /// The member's "mark space read" mark.
    func spaceReadMark(of member: MemberID, in space: SpaceID) async throws -> SpaceReadMark?
    /// The member's unread threads and posts in each of `spaces`, in the same order.
    ///
    /// In a space, a thread counts when it is not deleted, its last activity is after both
    /// `floor` and the member's ``SpaceReadMark`` there (if any), and its last post number is
    /// beyond the member's ``ReadMarker`` (0 without one); its unread posts are the difference.
    /// Counts come from thread counters and read markers, never from counting posts. A default
    /// implementation walks ``threads(in:order:after:limit:)`` by latest activity with
    /// ``readMarkers(of:in:)``; backends answer it with one indexed query per space.
    func unreadTallies(of member: MemberID, in spaces: [SpaceID], activeAfter floor: Date) async throws -> [UnreadTally]

    /// Whether the member follows the target.
    func isFollowing(_ member: MemberID, _ target: FollowTarget) async throws -> Bool
    /// A page of the target's followers, in member-id order.
    func followers(of target: FollowTarget, after: MemberID?, limit: Int) async throws -> [MemberID]

    /// The flag, if it belongs to `community`.
    func flag(_ id: FlagID, in community: CommunityID) async throws -> Flag?
    /// Every flag of a post, oldest first.
    func flags(on post: PostID) async throws -> [Flag]
    /// The moderation queue: unresolved flags of the community, oldest first.
    func openFlags(in community: CommunityID, after: FlagID?, limit: Int) async throws -> [Flag]

    /// Ranked full-text search over the community's posts in `spaces`.
    func search(in community: CommunityID, query: SearchQuery, spaces: Set<SpaceID>, offset: Int, limit: Int) async throws -> [SearchHit]
}

/// The discussion writes a store offers.
public protocol DiscussionWriteTransaction: InboxWriteTransaction, DiscussionReadTransaction {
    /// Stores or replaces a community's discussion settings.
    func upsert(_ settings: CommunityDiscussionSettings) async throws
    /// Stores or replaces a space's discussion settings.
    func upsert(_ settings: SpaceDiscussionSettings) async throws

    /// Stores a new thread (before its first post). Throws `conflict` on a duplicate id.
    func insert(_ thread: DiscussionThread) async throws
    /// Replaces a thread (counters, state, space, title). Throws `notFound` if absent.
    func update(_ thread: DiscussionThread) async throws
    /// Stores a new post of an existing thread. Throws `conflict` on a duplicate id or number.
    func insert(_ post: Post) async throws
    /// Replaces a post. Throws `notFound` if absent.
    func update(_ post: Post) async throws
    /// Appends a revision.
    func insert(_ revision: PostRevision) async throws

    /// Stores a reaction. Throws `conflict` if the member already reacted with that emoji.
    func insert(_ reaction: Reaction) async throws
    /// Removes a reaction. Throws `notFound` if absent.
    func deleteReaction(post: PostID, member: MemberID, emoji: String) async throws

    /// Stores or replaces a read marker.
    func upsert(_ marker: ReadMarker) async throws
    /// Stores or replaces a space read mark.
    func upsert(_ mark: SpaceReadMark) async throws

    /// Makes the member follow the target (idempotent).
    func follow(_ member: MemberID, _ target: FollowTarget) async throws
    /// Makes the member stop following the target (idempotent).
    func unfollow(_ member: MemberID, _ target: FollowTarget) async throws

    /// Stores a flag.
    func insert(_ flag: Flag) async throws
    /// Replaces a flag (to resolve it). Throws `notFound` if absent.
    func update(_ flag: Flag) async throws
}
