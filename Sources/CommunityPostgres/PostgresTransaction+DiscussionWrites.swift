#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// The discussion writes, and the search index kept with them.
extension PostgresTransaction {
    func upsert(_ settings: CommunityDiscussionSettings) async throws {
        let body = try PostgresRecordCoding.encode(settings)
        try await write("""
            INSERT INTO community_discussion_settings (community_id, body) VALUES (\(settings.communityID.uuid), \(body))
            ON CONFLICT (community_id) DO UPDATE SET body = excluded.body RETURNING 1
            """)
    }

    func upsert(_ settings: SpaceDiscussionSettings) async throws {
        let body = try PostgresRecordCoding.encode(settings)
        try await write("""
            INSERT INTO space_discussion_settings (space_id, body) VALUES (\(settings.spaceID.uuid), \(body))
            ON CONFLICT (space_id) DO UPDATE SET body = excluded.body RETURNING 1
            """)
    }

    /// The milliseconds since 1970 a listing key can hold (`ThreadPosition.key` converts to `Int64`).
    private static let listableMilliseconds = -9.2e18...9.2e18

    private static func listingKeys(_ thread: DiscussionThread) throws -> (activity: Int64, created: Int64) {
        for (date, field) in [(thread.createdAt, "createdAt"), (thread.lastActivityAt, "lastActivityAt")] {
            guard listableMilliseconds.contains(date.timeIntervalSince1970 * 1000) else {
                throw CommunityError.invalidInput("the thread's \(field) is out of the representable range", field: field)
            }
        }
        return (ThreadPosition.key(of: thread, order: .latestActivity), ThreadPosition.key(of: thread, order: .newest))
    }

    func insert(_ thread: DiscussionThread) async throws {
        let keys = try Self.listingKeys(thread)
        let body = try PostgresRecordCoding.encode(thread)
        guard try await !exists("SELECT 1 FROM threads WHERE id = \(thread.id.uuid)") else {
            throw CommunityError.conflict("a thread with id \(thread.id) already exists", field: "id")
        }
        guard try await exists("SELECT 1 FROM spaces WHERE id = \(thread.spaceID.uuid) AND community_id = \(thread.communityID.uuid)") else {
            throw CommunityError.notFound("no space with id \(thread.spaceID) in this community", field: "space")
        }
        try await write("""
            INSERT INTO threads (id, community_id, space_id, title, is_deleted, is_unanswered, pin_order, last_activity_ms, created_ms,
                reaction_count, body)
            VALUES (\(thread.id.uuid), \(thread.communityID.uuid), \(thread.spaceID.uuid), \(thread.title), \(thread.deletedAt != nil),
                \(Self.isUnanswered(thread)), \(thread.pinOrder), \(keys.activity), \(keys.created), \(thread.reactionCount), \(body))
            RETURNING 1
            """)
        // Normally the first post comes after its thread; if it is already there, its document gets the title.
        try await reindex(post: thread.firstPostID)
    }

    func update(_ thread: DiscussionThread) async throws {
        let keys = try Self.listingKeys(thread)
        let body = try PostgresRecordCoding.encode(thread)
        // One round trip: the update returns the title it replaced (no row: not in this community).
        guard let row = try await writeRows("""
            UPDATE threads SET space_id = \(thread.spaceID.uuid), title = \(thread.title), is_deleted = \(thread.deletedAt != nil),
                is_unanswered = \(Self.isUnanswered(thread)), pin_order = \(thread.pinOrder), last_activity_ms = \(keys.activity),
                created_ms = \(keys.created), reaction_count = \(thread.reactionCount), body = \(body)
            FROM (SELECT title FROM threads WHERE id = \(thread.id.uuid) AND community_id = \(thread.communityID.uuid)) AS old
            WHERE threads.id = \(thread.id.uuid) RETURNING old.title
            """).first
        else {
            throw CommunityError.notFound("no thread with id \(thread.id) in this community", field: "thread")
        }
        let oldTitle = try Self.column(String.self, row, table: "threads")
        if oldTitle != thread.title { try await reindex(post: thread.firstPostID) }
    }

    private static func isUnanswered(_ thread: DiscussionThread) -> Bool {
        thread.kind == .question && thread.acceptedAnswer == nil
    }

    func insert(_ post: Post) async throws {
        let body = try PostgresRecordCoding.encode(post)
        // Both checks in one statement: a post with this id or number, and the thread's title
        // (null when the thread is not in this community), which the search document needs.
        guard let row = try await rows("""
            SELECT EXISTS (SELECT 1 FROM posts WHERE id = \(post.id.uuid) OR (thread_id = \(post.threadID.uuid) AND number = \(post.number))),
                (SELECT title FROM threads WHERE id = \(post.threadID.uuid) AND community_id = \(post.communityID.uuid))
            """).first
        else {
            throw CommunityError(.storage, "the post insert's checks returned no row")
        }
        let (taken, title) = try Self.columns((Bool, String?).self, row, table: "posts, threads")
        guard !taken else {
            throw CommunityError.conflict("a post with this id or number already exists", field: "id")
        }
        guard let title else {
            throw CommunityError.notFound("no thread with id \(post.threadID) in this community", field: "thread")
        }
        // The search vector in the same statement, as `reindex(post:)` would compute it.
        let document = Self.searchDocument(number: post.number, text: post.body, isLive: Self.isLive(post), title: title)
        try await write("""
            INSERT INTO posts (id, community_id, space_id, thread_id, number, author_id, created_at, is_live, body_text, body, search)
            VALUES (\(post.id.uuid), \(post.communityID.uuid), \(post.spaceID.uuid), \(post.threadID.uuid), \(post.number),
                \(post.authorID?.uuid), \(PostgresRecordCoding.seconds(post.createdAt)), \(Self.isLive(post)), \(post.body), \(body),
                to_tsvector('simple', community_unaccent(\(document))))
            RETURNING 1
            """)
    }

    func update(_ post: Post) async throws {
        let body = try PostgresRecordCoding.encode(post)
        guard let row = try await rows("""
            SELECT body_text, is_live, number, thread_id FROM posts WHERE id = \(post.id.uuid) AND community_id = \(post.communityID.uuid)
            """).first
        else {
            throw CommunityError.notFound("no post with id \(post.id) in this community", field: "post")
        }
        let old = try Self.columns((String, Bool, Int, UUID).self, row, table: "posts")
        try await write("""
            UPDATE posts SET space_id = \(post.spaceID.uuid), thread_id = \(post.threadID.uuid), number = \(post.number),
                author_id = \(post.authorID?.uuid), created_at = \(PostgresRecordCoding.seconds(post.createdAt)), is_live = \(Self.isLive(post)),
                body_text = \(post.body), body = \(body)
            WHERE id = \(post.id.uuid) RETURNING 1
            """)
        if old != (post.body, Self.isLive(post), post.number, post.threadID.uuid) { try await reindex(post: post.id) }
    }

    private static func isLive(_ post: Post) -> Bool { !post.isDeleted && post.hiddenAt == nil }

    func insert(_ revision: PostRevision) async throws {
        let body = try PostgresRecordCoding.encode(revision)
        try await write("INSERT INTO post_revisions (post_id, body) VALUES (\(revision.postID.uuid), \(body)) RETURNING 1")
    }

    func insert(_ reaction: Reaction) async throws {
        let body = try PostgresRecordCoding.encode(reaction)
        try await insertNew("""
            INSERT INTO reactions (post_id, member_id, emoji, body)
            VALUES (\(reaction.postID.uuid), \(reaction.memberID.uuid), \(reaction.emoji), \(body)) ON CONFLICT DO NOTHING RETURNING 1
            """, orThrow: .conflict("the member already reacted with \(reaction.emoji)", field: "emoji"))
    }

    func deleteReaction(post: PostID, member: MemberID, emoji: String) async throws {
        let changed = try await write("""
            DELETE FROM reactions WHERE post_id = \(post.uuid) AND member_id = \(member.uuid) AND emoji = \(emoji) RETURNING 1
            """)
        guard changed > 0 else { throw CommunityError.notFound("no \(emoji) reaction of this member on this post", field: "emoji") }
    }

    func upsert(_ marker: ReadMarker) async throws {
        let body = try PostgresRecordCoding.encode(marker)
        try await write("""
            INSERT INTO read_markers (member_id, thread_id, body) VALUES (\(marker.memberID.uuid), \(marker.threadID.uuid), \(body))
            ON CONFLICT (member_id, thread_id) DO UPDATE SET body = excluded.body RETURNING 1
            """)
    }

    func upsert(_ mark: SpaceReadMark) async throws {
        let body = try PostgresRecordCoding.encode(mark)
        try await write("""
            INSERT INTO space_read_marks (member_id, space_id, body) VALUES (\(mark.memberID.uuid), \(mark.spaceID.uuid), \(body))
            ON CONFLICT (member_id, space_id) DO UPDATE SET body = excluded.body RETURNING 1
            """)
    }

    func follow(_ member: MemberID, _ target: FollowTarget) async throws {
        let (kind, id) = Self.key(target)
        try await write("""
            INSERT INTO follows (target_kind, target_id, member_id) VALUES (\(kind), \(id), \(member.uuid)) ON CONFLICT DO NOTHING RETURNING 1
            """)
    }

    func unfollow(_ member: MemberID, _ target: FollowTarget) async throws {
        let (kind, id) = Self.key(target)
        try await write("DELETE FROM follows WHERE target_kind = \(kind) AND target_id = \(id) AND member_id = \(member.uuid) RETURNING 1")
    }

    func insert(_ flag: Flag) async throws {
        let body = try PostgresRecordCoding.encode(flag)
        try await insertNew("""
            INSERT INTO flags (id, community_id, post_id, is_open, body)
            VALUES (\(flag.id.uuid), \(flag.communityID.uuid), \(flag.postID.uuid), \(flag.resolution == nil), \(body))
            ON CONFLICT DO NOTHING RETURNING 1
            """, orThrow: .conflict("a flag with id \(flag.id) already exists", field: "id"))
    }

    func update(_ flag: Flag) async throws {
        let body = try PostgresRecordCoding.encode(flag)
        let changed = try await write("""
            UPDATE flags SET post_id = \(flag.postID.uuid), is_open = \(flag.resolution == nil), body = \(body)
            WHERE id = \(flag.id.uuid) AND community_id = \(flag.communityID.uuid) RETURNING 1
            """)
        guard changed > 0 else { throw CommunityError.notFound("no flag with id \(flag.id) in this community", field: "flag") }
    }

    // MARK: Search index

    /// Rewrites the post's `tsvector` from what is stored now: none for a deleted or hidden post
    /// (or one without a thread), else the ``SearchText`` tokens of its text. Indexing the tokens,
    /// not the raw text, makes the index split words exactly like the query terms (and like the
    /// other backends); `unaccent` then folds what remains on both sides.
    private func reindex(post: PostID) async throws {
        guard let row = try await rows("""
            SELECT p.number, p.body_text, p.is_live, t.title FROM posts p LEFT JOIN threads t ON t.id = p.thread_id WHERE p.id = \(post.uuid)
            """).first
        else { return }
        let (number, text, isLive, title) = try Self.columns((Int, String, Bool, String?).self, row, table: "posts")
        let document = Self.searchDocument(number: number, text: text, isLive: isLive, title: title)
        try await write("""
            UPDATE posts SET search = to_tsvector('simple', community_unaccent(\(document))) WHERE id = \(post.uuid) RETURNING 1
            """)
    }

    /// The text indexed for a post: nothing for a post that is not live (or has no thread), else
    /// its ``SearchText`` tokens, the thread's title first for the opening post.
    private static func searchDocument(number: Int, text: String, isLive: Bool, title: String?) -> String? {
        guard isLive, let title else { return nil }
        let tokens = SearchText.tokens(of: number == 1 ? title + "\n" + text : text)
        return tokens.isEmpty ? nil : tokens.joined(separator: " ")
    }
}
#endif
