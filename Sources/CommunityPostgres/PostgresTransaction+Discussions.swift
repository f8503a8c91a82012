#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// The discussion storage contract. Behaviour mirrors the in-memory and SQLite backends: the
/// same ordering, the same `conflict`/`notFound` cases, idempotent follows.
///
/// Full-text search: each live post has a `tsvector` (`posts.search`) written in the same
/// transaction as the post or thread it describes, from the ``SearchText`` tokens of its text
/// (the thread title, then the body, for the first post) run through `unaccent` under the
/// `simple` configuration; deleted and hidden posts have none, and posts of deleted threads are
/// filtered out by the query.
extension PostgresTransaction: DiscussionWriteTransaction {
    // MARK: Reads

    func discussionSettings(of community: CommunityID) async throws -> CommunityDiscussionSettings? {
        try await record(CommunityDiscussionSettings.self, "SELECT body FROM community_discussion_settings WHERE community_id = \(community.uuid)",
                         table: "community_discussion_settings")
    }

    func discussionSettings(ofSpace space: SpaceID) async throws -> SpaceDiscussionSettings? {
        try await record(SpaceDiscussionSettings.self, "SELECT body FROM space_discussion_settings WHERE space_id = \(space.uuid)",
                         table: "space_discussion_settings")
    }

    func thread(_ id: ThreadID, in community: CommunityID) async throws -> DiscussionThread? {
        try await record(DiscussionThread.self, "SELECT body FROM threads WHERE id = \(id.uuid) AND community_id = \(community.uuid)",
                         table: "threads")
    }

    func threads(in space: SpaceID, order: ThreadOrder, after: ThreadPosition?, limit: Int) async throws -> [DiscussionThread] {
        guard limit > 0 else { return [] }
        let key: String
        var filter = "NOT is_deleted"
        switch order {
        case .latestActivity: key = "last_activity_ms"
        case .newest: key = "created_ms"
        case .topReactions: key = "reaction_count"
        case .unansweredQuestions:
            key = "created_ms"
            filter += " AND is_unanswered"
        }
        var binds = PostgresBindings()
        binds.append(space.uuid)
        binds.append(after?.key ?? .max)
        binds.append(Self.descendingCursor(after?.threadID))
        binds.append(limit)
        let sql = """
            SELECT body FROM threads WHERE space_id = $1 AND \(filter) AND (\(key), id) < ($2, $3)
            ORDER BY \(key) DESC, id DESC LIMIT $4
            """
        return try await records(DiscussionThread.self, PostgresQuery(unsafeSQL: sql, binds: binds), table: "threads")
    }

    func pinnedThreads(in space: SpaceID) async throws -> [DiscussionThread] {
        try await records(DiscussionThread.self, """
            SELECT body FROM threads WHERE space_id = \(space.uuid) AND pin_order IS NOT NULL AND NOT is_deleted ORDER BY pin_order, id
            """, table: "threads")
    }

    func post(_ id: PostID, in community: CommunityID) async throws -> Post? {
        try await record(Post.self, "SELECT body FROM posts WHERE id = \(id.uuid) AND community_id = \(community.uuid)", table: "posts")
    }

    func posts(in thread: ThreadID, after number: Int, direction: PostDirection, limit: Int) async throws -> [Post] {
        guard limit > 0 else { return [] }
        switch direction {
        case .forward:
            return try await records(Post.self, """
                SELECT body FROM posts WHERE thread_id = \(thread.uuid) AND number > \(number) ORDER BY number LIMIT \(limit)
                """, table: "posts")
        case .backward:
            return try await records(Post.self, """
                SELECT body FROM posts WHERE thread_id = \(thread.uuid) AND number < \(number) ORDER BY number DESC LIMIT \(limit)
                """, table: "posts")
        }
    }

    func revisions(of post: PostID) async throws -> [PostRevision] {
        try await records(PostRevision.self, "SELECT body FROM post_revisions WHERE post_id = \(post.uuid) ORDER BY seq", table: "post_revisions")
    }

    func postCount(by member: MemberID, since: Date) async throws -> Int {
        Int(try await integer("""
            SELECT count(*) FROM posts WHERE author_id = \(member.uuid) AND created_at >= \(PostgresRecordCoding.seconds(since))
            """))
    }

    func lastPostDate(by member: MemberID, in space: SpaceID) async throws -> Date? {
        guard let row = try await rows("SELECT max(created_at) FROM posts WHERE author_id = \(member.uuid) AND space_id = \(space.uuid)").first
        else { return nil }
        return try Self.column(Double?.self, row, table: "posts").map(PostgresRecordCoding.date)
    }

    func reactions(by member: MemberID, on posts: [PostID]) async throws -> [Reaction] {
        guard !posts.isEmpty else { return [] }
        // In the order of `posts`, then by emoji, as the other backends.
        let found = try await records(Reaction.self, """
            SELECT body FROM reactions WHERE member_id = \(member.uuid) AND post_id = ANY(\(posts.map(\.uuid))) ORDER BY emoji
            """, table: "reactions")
        var byPost: [PostID: [Reaction]] = [:]
        for reaction in found { byPost[reaction.postID, default: []].append(reaction) }
        return posts.flatMap { byPost[$0] ?? [] }
    }

    func readMarker(of member: MemberID, in thread: ThreadID) async throws -> ReadMarker? {
        try await record(ReadMarker.self, "SELECT body FROM read_markers WHERE member_id = \(member.uuid) AND thread_id = \(thread.uuid)",
                         table: "read_markers")
    }

    func readMarkers(of member: MemberID, in threads: [ThreadID]) async throws -> [ThreadID: ReadMarker] {
        let unique = Array(Set(threads))
        guard !unique.isEmpty else { return [:] }
        let found = try await records(ReadMarker.self, """
            SELECT body FROM read_markers WHERE member_id = \(member.uuid) AND thread_id = ANY(\(unique.map(\.uuid)))
            """, table: "read_markers")
        return Dictionary(found.map { ($0.threadID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func spaceReadMark(of member: MemberID, in space: SpaceID) async throws -> SpaceReadMark? {
        try await record(SpaceReadMark.self, "SELECT body FROM space_read_marks WHERE member_id = \(member.uuid) AND space_id = \(space.uuid)",
                         table: "space_read_marks")
    }

    func isFollowing(_ member: MemberID, _ target: FollowTarget) async throws -> Bool {
        let (kind, id) = Self.key(target)
        return try await exists("SELECT 1 FROM follows WHERE target_kind = \(kind) AND target_id = \(id) AND member_id = \(member.uuid)")
    }

    func followers(of target: FollowTarget, after: MemberID?, limit: Int) async throws -> [MemberID] {
        let (kind, id) = Self.key(target)
        return try await rows("""
            SELECT member_id FROM follows WHERE target_kind = \(kind) AND target_id = \(id) AND member_id > \(Self.cursor(after))
            ORDER BY member_id LIMIT \(max(0, limit))
            """).map { MemberID(try Self.column(UUID.self, $0, table: "follows")) }
    }

    func flag(_ id: FlagID, in community: CommunityID) async throws -> Flag? {
        try await record(Flag.self, "SELECT body FROM flags WHERE id = \(id.uuid) AND community_id = \(community.uuid)", table: "flags")
    }

    func flags(on post: PostID) async throws -> [Flag] {
        try await records(Flag.self, "SELECT body FROM flags WHERE post_id = \(post.uuid) ORDER BY id", table: "flags")
    }

    func openFlags(in community: CommunityID, after: FlagID?, limit: Int) async throws -> [Flag] {
        try await records(Flag.self, """
            SELECT body FROM flags WHERE community_id = \(community.uuid) AND is_open AND id > \(Self.cursor(after)) ORDER BY id LIMIT \(max(0, limit))
            """, table: "flags")
    }

    /// Ranked by `ts_rank` (normalization 1: divided by 1 + the log of the document length, so
    /// shorter documents with as many matches rank first), then by post id descending; filtered
    /// by community, by the spaces the viewer may read and by thread deletion in SQL.
    func search(in community: CommunityID, query: SearchQuery, spaces: Set<SpaceID>, offset: Int, limit: Int) async throws -> [SearchHit] {
        guard offset >= 0, limit > 0, !spaces.isEmpty else { return [] }
        let rows = try await rows("""
            SELECT p.id, p.thread_id, p.space_id, ts_rank(p.search, q, 1)::float8 AS score
            FROM posts p JOIN threads t ON t.id = p.thread_id,
                to_tsquery('simple', community_unaccent(\(Self.tsquery(query)))) AS q
            WHERE p.community_id = \(community.uuid) AND p.space_id = ANY(\(spaces.map(\.uuid))) AND NOT t.is_deleted AND p.search @@ q
            ORDER BY score DESC, p.id DESC OFFSET \(offset) LIMIT \(limit)
            """)
        return try rows.map { row in
            let (post, thread, space, score) = try Self.columns((UUID, UUID, UUID, Double).self, row, table: "posts")
            return SearchHit(postID: PostID(post), threadID: ThreadID(thread), spaceID: SpaceID(space), score: score)
        }
    }

    /// Every term required, the last as a prefix: `'swift' & 'conc':*`.
    static func tsquery(_ query: SearchQuery) -> String {
        func quoted(_ term: String) -> String { "'" + term.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\\", with: "\\\\") + "'" }
        return (query.exactTerms.map(quoted) + [quoted(query.prefixTerm) + ":*"]).joined(separator: " & ")
    }

    static func key(_ target: FollowTarget) -> (String, UUID) {
        switch target {
        case .thread(let id): ("thread", id.uuid)
        case .space(let id): ("space", id.uuid)
        }
    }
}
#endif
