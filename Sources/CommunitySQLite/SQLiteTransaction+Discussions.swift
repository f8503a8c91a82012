import CommunityCore
import Foundation

/// The discussion storage contract over the version-2 tables. Behaviour mirrors the in-memory
/// backend: the same ordering, the same `conflict`/`notFound` cases, idempotent follows.
///
/// The full-text index (`post_search`, FTS5) is written in the same transaction as the post or
/// thread it describes: a post's document is the ``SearchText`` tokens of its body (the thread
/// title, a newline, then the body for the first post), removed while the post is deleted or
/// hidden; a title change re-indexes the first post. Posts of deleted threads stay indexed and
/// are filtered out by the query, as in memory.
extension SQLiteTransaction: DiscussionWriteTransaction {
    // MARK: Reads

    func discussionSettings(of community: CommunityID) async throws -> CommunityDiscussionSettings? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.communityDiscussionSettingsColumns) FROM community_discussion_settings WHERE community_id = ?",
                [.id(community)], row: SQLiteRecords.communityDiscussionSettings)
        }
    }

    func discussionSettings(ofSpace space: SpaceID) async throws -> SpaceDiscussionSettings? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.spaceDiscussionSettingsColumns) FROM space_discussion_settings WHERE space_id = ?",
                [.id(space)], row: SQLiteRecords.spaceDiscussionSettings)
        }
    }

    func thread(_ id: ThreadID, in community: CommunityID) async throws -> DiscussionThread? {
        try run { db in
            try db.queryFirst(
                SQLiteQueries.threadByID,
                [.id(id), .id(community)], row: SQLiteRecords.thread)
        }
    }

    func threads(in space: SpaceID, order: ThreadOrder, after: ThreadPosition?, limit: Int) async throws -> [DiscussionThread] {
        guard limit > 0 else { return [] }
        let sql = SQLiteQueries.threadsPages[order] ?? SQLiteQueries.threadsPage(order)
        // No cursor: (Int64.max, 0xFF…) is after every stored (key, id), so the first page starts at the top.
        let key: SQLiteValue = .integer(after?.key ?? .max)
        let id: SQLiteValue = after.map { .id($0.threadID) } ?? .afterEveryIdentifier
        return try run { db in
            try db.query(sql, [.id(space), key, id, .integer(Int64(limit))], row: SQLiteRecords.thread)
        }
    }

    func pinnedThreads(in space: SpaceID) async throws -> [DiscussionThread] {
        try run { db in try db.query(SQLiteQueries.pinnedThreads, [.id(space)], row: SQLiteRecords.thread) }
    }

    func post(_ id: PostID, in community: CommunityID) async throws -> Post? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.postReadColumns) FROM posts WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.post)
        }
    }

    func posts(in thread: ThreadID, after number: Int, direction: PostDirection, limit: Int) async throws -> [Post] {
        guard limit > 0 else { return [] }
        let sql = direction == .forward ? SQLiteQueries.postsForward : SQLiteQueries.postsBackward
        return try run { db in
            try db.query(sql, [.id(thread), .integer(Int64(number)), .integer(Int64(limit))], row: SQLiteRecords.post)
        }
    }

    func revisions(of post: PostID) async throws -> [PostRevision] {
        try run { db in try db.query(SQLiteQueries.revisionsOfPost, [.id(post)], row: SQLiteRecords.revision) }
    }

    func postCount(by member: MemberID, since: Date) async throws -> Int {
        try run { db in
            Int(try db.queryFirst(SQLiteQueries.postCountByAuthorSince, [.id(member), SQLiteRecords.date(since)]) { $0.int64(0) } ?? 0)
        }
    }

    func lastPostDate(by member: MemberID, in space: SpaceID) async throws -> Date? {
        try run { db in
            try db.queryFirst(SQLiteQueries.lastPostDateInSpace, [.id(member), .id(space)]) { SQLiteRecords.optionalDate($0, 0) } ?? nil
        }
    }

    func reactions(by member: MemberID, on posts: [PostID]) async throws -> [Reaction] {
        try run { db in
            var reactions: [Reaction] = []
            for post in posts {
                reactions += try db.query(SQLiteQueries.reactionsOfMemberOnPost, [.id(post), .id(member)], row: SQLiteRecords.reaction)
            }
            return reactions
        }
    }

    func readMarker(of member: MemberID, in thread: ThreadID) async throws -> ReadMarker? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.readMarkerColumns) FROM read_markers WHERE member_id = ? AND thread_id = ?",
                [.id(member), .id(thread)], row: SQLiteRecords.readMarker)
        }
    }

    func readMarkers(of member: MemberID, in threads: [ThreadID]) async throws -> [ThreadID: ReadMarker] {
        let unique = Array(Set(threads))
        guard !unique.isEmpty else { return [:] }
        var markers: [ThreadID: ReadMarker] = [:]
        // In chunks of at most 200 ids, so the statement cache holds few shapes.
        for start in stride(from: 0, to: unique.count, by: 200) {
            let chunk = Array(unique[start..<min(unique.count, start + 200)])
            let list = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let found = try run { db in
                try db.query(
                    "SELECT \(SQLiteRecords.readMarkerColumns) FROM read_markers WHERE member_id = ? AND thread_id IN (\(list))",
                    [.id(member)] + chunk.map { .id($0) }, row: SQLiteRecords.readMarker)
            }
            for marker in found { markers[marker.threadID] = marker }
        }
        return markers
    }

    func spaceReadMark(of member: MemberID, in space: SpaceID) async throws -> SpaceReadMark? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.spaceReadMarkColumns) FROM space_read_marks WHERE member_id = ? AND space_id = ?",
                [.id(member), .id(space)], row: SQLiteRecords.spaceReadMark)
        }
    }

    func isFollowing(_ member: MemberID, _ target: FollowTarget) async throws -> Bool {
        try run { db in
            try Self.exists(
                db, "SELECT 1 FROM follows WHERE target_kind = ? AND target_id = ? AND member_id = ?",
                SQLiteRecords.values(target) + [.id(member)])
        }
    }

    func followers(of target: FollowTarget, after: MemberID?, limit: Int) async throws -> [MemberID] {
        try run { db in
            try db.query(
                SQLiteQueries.followersPage, SQLiteRecords.values(target) + [.cursor(after), .integer(Int64(max(0, limit)))]
            ) { row in try row.id(0) }
        }
    }

    func flag(_ id: FlagID, in community: CommunityID) async throws -> Flag? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.flagColumns) FROM flags WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.flag)
        }
    }

    func flags(on post: PostID) async throws -> [Flag] {
        try run { db in try db.query(SQLiteQueries.flagsOfPost, [.id(post)], row: SQLiteRecords.flag) }
    }

    func openFlags(in community: CommunityID, after: FlagID?, limit: Int) async throws -> [Flag] {
        try run { db in
            try db.query(
                SQLiteQueries.openFlagsPage, [.id(community), .cursor(after), .integer(Int64(max(0, limit)))], row: SQLiteRecords.flag)
        }
    }

    // MARK: Writes

    func upsert(_ settings: CommunityDiscussionSettings) async throws {
        let values = try SQLiteRecords.values(settings)
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO community_discussion_settings (\(SQLiteRecords.communityDiscussionSettingsColumns)) VALUES (?, ?, ?)
                ON CONFLICT (community_id) DO UPDATE SET
                    allowed_reactions = excluded.allowed_reactions, auto_hide_flag_threshold = excluded.auto_hide_flag_threshold
                """, values)
        }
    }

    func upsert(_ settings: SpaceDiscussionSettings) async throws {
        let values = SQLiteRecords.values(settings)
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO space_discussion_settings (\(SQLiteRecords.spaceDiscussionSettingsColumns)) VALUES (?, ?, ?)
                ON CONFLICT (space_id) DO UPDATE SET
                    replies_to_announcements = excluded.replies_to_announcements, slow_mode = excluded.slow_mode
                """, values)
        }
    }

    func insert(_ thread: DiscussionThread) async throws {
        let values = try SQLiteRecords.values(thread)
        try runWrite { db in
            guard try !Self.exists(db, "SELECT 1 FROM threads WHERE id = ?", [.id(thread.id)]) else {
                throw CommunityError.conflict("a thread with id \(thread.id) already exists", field: "id")
            }
            guard try Self.exists(db, "SELECT 1 FROM spaces WHERE id = ? AND community_id = ?", [.id(thread.spaceID), .id(thread.communityID)]) else {
                throw CommunityError.notFound("no space with id \(thread.spaceID) in this community", field: "space")
            }
            try db.execute(
                "INSERT INTO threads (\(SQLiteRecords.threadColumns)) VALUES (\(SQLiteRecords.placeholders(SQLiteRecords.threadColumnCount)))",
                values)
            // Normally the first post comes after its thread; if it is already there, its document gets the title.
            try Self.reindex(db, post: thread.firstPostID)
        }
    }

    func update(_ thread: DiscussionThread) async throws {
        let values = try SQLiteRecords.values(thread)
        try runWrite { db in
            guard let stored = try db.queryFirst(SQLiteQueries.storedThread, [.id(thread.id), .id(thread.communityID)], row: { row in
                (0..<Int32(values.count)).map { row.value($0) }
            }) else {
                throw CommunityError.notFound("no thread with id \(thread.id) in this community", field: "thread")
            }
            // Only the columns that change (a reply moves its counters and last activity, not the other keys).
            let changed = values.indices.dropFirst().filter { stored[$0] != values[$0] }
            guard !changed.isEmpty else { return }
            try db.execute(
                SQLiteQueries.threadUpdates.sql(changed: changed), [values[0]] + changed.map { values[$0] })
            if changed.contains(SQLiteRecords.threadTitleColumn) { try Self.reindex(db, post: thread.firstPostID) }
        }
    }

    func insert(_ post: Post) async throws {
        let values = SQLiteRecords.values(post)
        try runWrite { db in
            // Both uniqueness checks and the thread (whose title a first post's document needs) in one read.
            let checks = try db.queryFirst(
                SQLiteQueries.postInsertChecks,
                [.id(post.id), .id(post.threadID), .integer(Int64(post.number)), .id(post.communityID)]
            ) { row in (isTaken: !row.isNull(0) || !row.isNull(1), title: row.optionalText(2)) }
            guard let checks, !checks.isTaken else {
                throw CommunityError.conflict("a post with this id or number already exists", field: "id")
            }
            guard let title = checks.title else {
                throw CommunityError.notFound("no thread with id \(post.threadID) in this community", field: "thread")
            }
            try db.execute(SQLiteQueries.insertPost, values)
            // The document from what was just written: the same one `reindex` would read back.
            try Self.writeDocument(
                db, seq: db.lastInsertRowID, number: post.number, body: post.body,
                isLive: post.deletedAt == nil && post.hiddenAt == nil, title: title)
        }
    }

    func update(_ post: Post) async throws {
        let values = SQLiteRecords.values(post)
        try runWrite { db in
            // What the search document depends on, before the update.
            guard let old = try db.queryFirst(
                "SELECT body, deleted_at IS NULL AND hidden_at IS NULL, number, thread_id FROM posts WHERE id = ? AND community_id = ?",
                [.id(post.id), .id(post.communityID)], row: { row in
                    SearchInputs(body: row.text(0), isLive: row.int64(1) != 0, number: Int(row.int64(2)), threadID: try row.id(3))
                })
            else {
                throw CommunityError.notFound("no post with id \(post.id) in this community", field: "post")
            }
            try db.execute(SQLiteQueries.updatePost, values)
            let new = SearchInputs(body: post.body, isLive: !post.isDeleted && post.hiddenAt == nil, number: post.number, threadID: post.threadID)
            if new != old { try Self.reindex(db, post: post.id) }
        }
    }

    func insert(_ revision: PostRevision) async throws {
        let values = SQLiteRecords.values(revision)
        try runWrite { db in
            try db.execute("INSERT INTO post_revisions (\(SQLiteRecords.revisionColumns)) VALUES (?, ?, ?, ?, ?)", values)
        }
    }

    func insert(_ reaction: Reaction) async throws {
        let key: [SQLiteValue] = [.id(reaction.postID), .id(reaction.memberID), .text(reaction.emoji)]
        try runWrite { db in
            guard try !Self.exists(db, "SELECT 1 FROM reactions WHERE post_id = ? AND member_id = ? AND emoji = ?", key) else {
                throw CommunityError.conflict("the member already reacted with \(reaction.emoji)", field: "emoji")
            }
            try db.execute(
                "INSERT INTO reactions (\(SQLiteRecords.reactionColumns)) VALUES (?, ?, ?, ?)", key + [SQLiteRecords.date(reaction.createdAt)])
        }
    }

    func deleteReaction(post: PostID, member: MemberID, emoji: String) async throws {
        let changed = try runWrite { db in
            try db.execute("DELETE FROM reactions WHERE post_id = ? AND member_id = ? AND emoji = ?", [.id(post), .id(member), .text(emoji)])
        }
        guard changed > 0 else { throw CommunityError.notFound("no \(emoji) reaction of this member on this post", field: "emoji") }
    }

    func upsert(_ marker: ReadMarker) async throws {
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO read_markers (\(SQLiteRecords.readMarkerColumns)) VALUES (?, ?, ?, ?)
                ON CONFLICT (member_id, thread_id) DO UPDATE SET
                    last_read_number = excluded.last_read_number, updated_at = excluded.updated_at
                """,
                [.id(marker.memberID), .id(marker.threadID), .integer(Int64(marker.lastReadNumber)), SQLiteRecords.date(marker.updatedAt)])
        }
    }

    func upsert(_ mark: SpaceReadMark) async throws {
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO space_read_marks (\(SQLiteRecords.spaceReadMarkColumns)) VALUES (?, ?, ?)
                ON CONFLICT (member_id, space_id) DO UPDATE SET read_up_to = excluded.read_up_to
                """,
                [.id(mark.memberID), .id(mark.spaceID), SQLiteRecords.date(mark.readUpTo)])
        }
    }

    func follow(_ member: MemberID, _ target: FollowTarget) async throws {
        try runWrite { db in
            try db.execute(
                "INSERT OR IGNORE INTO follows (target_kind, target_id, member_id) VALUES (?, ?, ?)", SQLiteRecords.values(target) + [.id(member)])
        }
    }

    func unfollow(_ member: MemberID, _ target: FollowTarget) async throws {
        try runWrite { db in
            try db.execute(
                "DELETE FROM follows WHERE target_kind = ? AND target_id = ? AND member_id = ?", SQLiteRecords.values(target) + [.id(member)])
        }
    }

    func insert(_ flag: Flag) async throws {
        let values = SQLiteRecords.values(flag)
        try runWrite { db in
            guard try !Self.exists(db, "SELECT 1 FROM flags WHERE id = ?", [.id(flag.id)]) else {
                throw CommunityError.conflict("a flag with id \(flag.id) already exists", field: "id")
            }
            try db.execute("INSERT INTO flags (\(SQLiteRecords.flagColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        }
    }

    func update(_ flag: Flag) async throws {
        let values = SQLiteRecords.values(flag)
        let changed = try runWrite { db in
            try db.execute(
                """
                UPDATE flags SET space_id = ?3, post_id = ?4, reporter_id = ?5, reason = ?6, note = ?7, created_at = ?8,
                    resolution = ?9, resolved_by = ?10, resolved_at = ?11
                WHERE id = ?1 AND community_id = ?2
                """, values)
        }
        guard changed > 0 else { throw CommunityError.notFound("no flag with id \(flag.id) in this community", field: "flag") }
    }

    // MARK: Search index

    /// What a post's search document depends on (besides its thread's title).
    private struct SearchInputs: Equatable {
        var body: String
        var isLive: Bool
        var number: Int
        var threadID: ThreadID
    }

    /// Rewrites the post's document in `post_search` from what is stored now: none for a deleted
    /// or hidden post (or one without a thread), else the ``SearchText`` tokens of its text.
    /// Indexing the tokens, not the raw text, makes the index fold exactly like the query terms
    /// (and like the in-memory index): `Straße` is `strasse` on both sides.
    private static func reindex(_ db: SQLiteDatabase, post: PostID) throws {
        let document = try db.queryFirst(
            """
            SELECT p.seq, p.number, p.body, p.deleted_at IS NULL AND p.hidden_at IS NULL, t.title
            FROM posts p LEFT JOIN threads t ON t.id = p.thread_id WHERE p.id = ?
            """, [.id(post)]
        ) { row in (seq: row.int64(0), number: row.int64(1), body: row.text(2), isLive: row.int64(3) != 0, title: row.optionalText(4)) }
        guard let document else { return }
        try writeDocument(
            db, seq: document.seq, number: Int(document.number), body: document.body, isLive: document.isLive, title: document.title)
    }

    /// Replaces the document of the post stored at `seq`: none unless it is live and has a
    /// thread (`title`), else the ``SearchText`` tokens of its text (the title first for post 1).
    private static func writeDocument(_ db: SQLiteDatabase, seq: Int64, number: Int, body: String, isLive: Bool, title: String?) throws {
        try db.execute("DELETE FROM post_search WHERE rowid = ?", [.integer(seq)])
        guard isLive, let title else { return }
        let tokens = SearchText.tokens(of: number == 1 ? title + "\n" + body : body)
        guard !tokens.isEmpty else { return }
        try db.execute("INSERT INTO post_search (rowid, text) VALUES (?, ?)", [.integer(seq), .text(tokens.joined(separator: " "))])
    }
}
