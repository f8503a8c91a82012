import CommunityCore
import Foundation

/// Column lists, parameter lists and row decoders of the discussion records.
extension SQLiteRecords {
    /// `?, ?, …` with `count` parameters.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The upper-case hex of an identifier's 16 bytes, as SQLite's `hex()` of the stored BLOB.
    static func hex<S>(_ id: Identifier<S>) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        text.reserveCapacity(32)
        for word in [id.high, id.low] {
            for shift in stride(from: 60, through: 0, by: -4) { text.append(digits[Int((word >> UInt64(shift)) & 0xF)]) }
        }
        return text
    }

    static func bool(_ value: Bool) -> SQLiteValue { .integer(value ? 1 : 0) }

    // MARK: Settings

    static let communityDiscussionSettingsColumns = "community_id, allowed_reactions, auto_hide_flag_threshold"

    static func values(_ settings: CommunityDiscussionSettings) throws -> [SQLiteValue] {
        [.id(settings.communityID), try json(settings.allowedReactions), .integer(Int64(settings.autoHideFlagThreshold))]
    }

    static func communityDiscussionSettings(_ row: SQLiteRow) throws -> CommunityDiscussionSettings {
        CommunityDiscussionSettings(
            communityID: try row.id(0),
            allowedReactions: try json([String].self, row, 1, field: "community_discussion_settings.allowed_reactions"),
            autoHideFlagThreshold: Int(row.int64(2)))
    }

    static let spaceDiscussionSettingsColumns = "space_id, replies_to_announcements, slow_mode"

    static func values(_ settings: SpaceDiscussionSettings) -> [SQLiteValue] {
        [.id(settings.spaceID), bool(settings.repliesToAnnouncements), settings.slowMode.map { .real($0) } ?? .null]
    }

    static func spaceDiscussionSettings(_ row: SQLiteRow) throws -> SpaceDiscussionSettings {
        SpaceDiscussionSettings(
            spaceID: try row.id(0), repliesToAnnouncements: row.int64(1) != 0, slowMode: row.isNull(2) ? nil : row.double(2))
    }

    // MARK: Thread

    /// The stored columns of a thread: the queried projections of its fields, the two derived
    /// listing keys, and last the compact record reads decode (``record(_:)-(DiscussionThread)``).
    static let threadColumns = """
        id, community_id, space_id, author_id, author_is_staff, kind, title, tags, first_post_id, created_at, \
        last_activity_at, last_post_number, post_count, reaction_count, reply_count, pin_order, is_locked, is_closed, \
        deleted_at, accepted_post_id, accepted_author_id, accepted_by_staff, accepted_by, accepted_at, last_activity_ms, created_ms, \
        record
        """
    static let threadColumnCount = 27
    /// The offset of `title` in ``threadColumns``.
    static let threadTitleColumn = 6
    /// The column a thread row is decoded from: its compact record alone (each selected column
    /// is work for SQLite on every row).
    static let threadReadColumns = "record"
    /// The columns ``threadFromColumns(_:)`` decodes: how threads were read before schema
    /// version 5 gave them a compact record, kept to write that record for existing rows.
    static let legacyThreadColumns = """
        id, community_id, space_id, author_id, author_is_staff, kind, title, tags, first_post_id, created_at, \
        last_activity_at, last_post_number, post_count, reaction_count, reply_count, pin_order, is_locked, is_closed, \
        deleted_at, accepted_post_id, accepted_author_id, accepted_by_staff, accepted_by, accepted_at
        """

    /// The milliseconds since 1970 a listing key can hold: `ThreadPosition.key(of:order:)` converts
    /// to `Int64`, which would trap outside this range (or on a NaN date).
    private static let listableMilliseconds = -9.2e18...9.2e18

    static func values(_ thread: DiscussionThread) throws -> [SQLiteValue] {
        for (date, field) in [(thread.createdAt, "createdAt"), (thread.lastActivityAt, "lastActivityAt")] {
            guard listableMilliseconds.contains(date.timeIntervalSince1970 * 1000) else {
                throw CommunityError.invalidInput("the thread's \(field) is out of the representable range", field: field)
            }
        }
        let answer = thread.acceptedAnswer
        return [
            .id(thread.id), .id(thread.communityID), .id(thread.spaceID), .id(thread.authorID), bool(thread.authorIsStaff),
            .text(thread.kind.rawValue), .text(thread.title), try json(thread.tags), .id(thread.firstPostID), date(thread.createdAt),
            date(thread.lastActivityAt), .integer(Int64(thread.lastPostNumber)), .integer(Int64(thread.postCount)),
            .integer(Int64(thread.reactionCount)), .integer(Int64(thread.replyCount)), thread.pinOrder.map { .integer(Int64($0)) } ?? .null,
            bool(thread.isLocked), bool(thread.isClosed), optionalDate(thread.deletedAt),
            .optionalID(answer?.postID), .optionalID(answer?.authorID), answer.map { bool($0.byStaff) } ?? .null,
            answer.map { principal($0.acceptedBy) } ?? .null, optionalDate(answer?.acceptedAt),
            .integer(ThreadPosition.key(of: thread, order: .latestActivity)), .integer(ThreadPosition.key(of: thread, order: .newest)),
            record(thread),
        ]
    }

    /// A thread from the ``legacyThreadColumns`` of a row (schema version 5's migration only).
    static func threadFromColumns(_ row: SQLiteRow) throws -> DiscussionThread {
        var thread = DiscussionThread(
            id: try row.id(0), communityID: try row.id(1), spaceID: try row.id(2), authorID: try row.id(3),
            authorIsStaff: row.int64(4) != 0, kind: try enumeration(DiscussionThread.Kind.self, row, 5, field: "threads.kind"),
            title: row.text(6), tags: try json([String].self, row, 7, field: "threads.tags"), firstPostID: try row.id(8),
            createdAt: date(row, 9))
        thread.lastActivityAt = date(row, 10)
        thread.lastPostNumber = Int(row.int64(11))
        thread.postCount = Int(row.int64(12))
        thread.reactionCount = Int(row.int64(13))
        thread.replyCount = Int(row.int64(14))
        thread.pinOrder = row.isNull(15) ? nil : Int(row.int64(15))
        thread.isLocked = row.int64(16) != 0
        thread.isClosed = row.int64(17) != 0
        thread.deletedAt = optionalDate(row, 18)
        if !row.isNull(19) {
            thread.acceptedAnswer = AcceptedAnswer(
                postID: try row.id(19), authorID: try row.id(20), byStaff: row.int64(21) != 0,
                acceptedBy: try principal(row.text(22)), acceptedAt: date(row, 23))
        }
        return thread
    }

    // MARK: Post

    /// The stored columns of a post: the ones queries filter, join or index on, the body (the
    /// search index is written from it), and last the compact record of every other field,
    /// which reads decode with the body (``record(_:)-(Post)``).
    static let postColumns = "id, community_id, space_id, thread_id, number, author_id, body, created_at, deleted_at, hidden_at, record"
    static let postColumnCount = 11
    /// The columns a post row is decoded from (``post(_:)``).
    static let postReadColumns = "record, body"
    /// The columns ``postFromColumns(_:)`` decodes: how posts were stored and read before schema
    /// version 5 moved them into a compact record, kept to write that record for existing rows.
    static let legacyPostColumns = """
        id, community_id, space_id, thread_id, number, author_id, author_is_staff, body, excerpt, mentions, tags, links, \
        in_reply_to, created_at, edited_at, deleted_at, deleted_by, hidden_at, reaction_counts
        """

    static func values(_ post: Post) -> [SQLiteValue] {
        [
            .id(post.id), .id(post.communityID), .id(post.spaceID), .id(post.threadID), .integer(Int64(post.number)),
            .optionalID(post.authorID), .text(post.body), date(post.createdAt), optionalDate(post.deletedAt), optionalDate(post.hiddenAt),
            record(post),
        ]
    }

    /// A post from the ``legacyPostColumns`` of a row (schema version 5's migration only).
    static func postFromColumns(_ row: SQLiteRow) throws -> Post {
        var post = Post(
            id: try row.id(0), communityID: try row.id(1), spaceID: try row.id(2), threadID: try row.id(3), number: Int(row.int64(4)),
            authorID: try row.optionalID(5), authorIsStaff: row.int64(6) != 0, body: row.text(7), excerpt: row.text(8),
            mentions: try json([MemberID].self, row, 9, field: "posts.mentions"), tags: try json([String].self, row, 10, field: "posts.tags"),
            links: try json([String].self, row, 11, field: "posts.links"), inReplyTo: try row.optionalID(12), createdAt: date(row, 13))
        post.editedAt = optionalDate(row, 14)
        post.deletedAt = optionalDate(row, 15)
        post.deletedBy = try optionalPrincipal(row, 16)
        post.hiddenAt = optionalDate(row, 17)
        post.reactionCounts = try json([String: Int].self, row, 18, field: "posts.reaction_counts")
        return post
    }

    // MARK: Revision

    static let revisionColumns = "post_id, number, previous_body, edited_by, edited_at"

    static func values(_ revision: PostRevision) -> [SQLiteValue] {
        [.id(revision.postID), .integer(Int64(revision.number)), .text(revision.previousBody), principal(revision.editedBy),
         date(revision.editedAt)]
    }

    static func revision(_ row: SQLiteRow) throws -> PostRevision {
        PostRevision(
            postID: try row.id(0), number: Int(row.int64(1)), previousBody: row.text(2), editedBy: try principal(row.text(3)),
            editedAt: date(row, 4))
    }

    // MARK: Reaction, read state

    static let reactionColumns = "post_id, member_id, emoji, created_at"

    static func reaction(_ row: SQLiteRow) throws -> Reaction {
        Reaction(postID: try row.id(0), memberID: try row.id(1), emoji: row.text(2), createdAt: date(row, 3))
    }

    static let readMarkerColumns = "member_id, thread_id, last_read_number, updated_at"

    static func readMarker(_ row: SQLiteRow) throws -> ReadMarker {
        ReadMarker(memberID: try row.id(0), threadID: try row.id(1), lastReadNumber: Int(row.int64(2)), updatedAt: date(row, 3))
    }

    static let spaceReadMarkColumns = "member_id, space_id, read_up_to"

    static func spaceReadMark(_ row: SQLiteRow) throws -> SpaceReadMark {
        SpaceReadMark(memberID: try row.id(0), spaceID: try row.id(1), readUpTo: date(row, 2))
    }

    /// The `(target_kind, target_id)` of a follow.
    static func values(_ target: FollowTarget) -> [SQLiteValue] {
        switch target {
        case .thread(let id): [.text("thread"), .id(id)]
        case .space(let id): [.text("space"), .id(id)]
        }
    }

    // MARK: Inbox item

    static let inboxItemColumns = "id, community_id, member_id, kind, actor, thread_id, post_id, summary, created_at, read_at"

    static func values(_ item: InboxItem) -> [SQLiteValue] {
        [.id(item.id), .id(item.communityID), .id(item.memberID), .text(item.kind.rawValue), principal(item.actor),
         .optionalID(item.threadID), .optionalID(item.postID), .text(item.summary), date(item.createdAt), optionalDate(item.readAt)]
    }

    static func inboxItem(_ row: SQLiteRow) throws -> InboxItem {
        InboxItem(
            id: try row.id(0), communityID: try row.id(1), memberID: try row.id(2),
            kind: try enumeration(InboxItem.Kind.self, row, 3, field: "inbox_items.kind"), actor: try principal(row.text(4)),
            threadID: try row.optionalID(5), postID: try row.optionalID(6), summary: row.text(7), createdAt: date(row, 8),
            readAt: optionalDate(row, 9))
    }

    // MARK: Flag

    static let flagColumns = "id, community_id, space_id, post_id, reporter_id, reason, note, created_at, resolution, resolved_by, resolved_at"

    static func values(_ flag: Flag) -> [SQLiteValue] {
        [.id(flag.id), .id(flag.communityID), .id(flag.spaceID), .id(flag.postID), .id(flag.reporterID), .text(flag.reason.rawValue),
         .text(flag.note), date(flag.createdAt), .optionalText(flag.resolution?.rawValue), flag.resolvedBy.map(principal) ?? .null,
         optionalDate(flag.resolvedAt)]
    }

    static func flag(_ row: SQLiteRow) throws -> Flag {
        var flag = Flag(
            id: try row.id(0), communityID: try row.id(1), spaceID: try row.id(2), postID: try row.id(3), reporterID: try row.id(4),
            reason: try enumeration(Flag.Reason.self, row, 5, field: "flags.reason"), note: row.text(6), createdAt: date(row, 7))
        flag.resolution = row.isNull(8) ? nil : try enumeration(Flag.Resolution.self, row, 8, field: "flags.resolution")
        flag.resolvedBy = try optionalPrincipal(row, 9)
        flag.resolvedAt = optionalDate(row, 10)
        return flag
    }

    // MARK: Search

    static func searchHit(_ row: SQLiteRow) throws -> SearchHit {
        SearchHit(postID: try row.id(0), threadID: try row.id(1), spaceID: try row.id(2), score: row.double(3))
    }
}
