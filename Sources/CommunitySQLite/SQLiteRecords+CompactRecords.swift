import CommunityCore
import Foundation

/// The compact records of threads and posts: the one `record` BLOB column each row is decoded
/// from. The other columns stay as the indexed and filtered projections the queries need, but
/// a read extracts one column per thread (two per post: the record and the body) instead of
/// one per field, which is most of what a listing costs SQLite.
///
/// Thread record, format 1: the ids (thread, community, space, author, first post); the kind;
/// a flag byte (``ThreadFlag``); title and tags; created and last-activity instants; the last
/// post number, post, reaction and reply counts; then, when flagged, the pin order, the deletion
/// instant, and the accepted answer (post, author, by staff, accepted by, accepted at).
///
/// Post record, format 1 (everything but the body, which has its own column): the ids (post,
/// community, space, thread); the number; a flag byte (``PostFlag``); when flagged the author;
/// the excerpt (as the bytes it shares with the start of the body, then the rest), mentions,
/// tags and links; when flagged the post replied to; the creation
/// instant; then, when flagged, the edit and deletion instants, who deleted, the hiding
/// instant; last the reaction counts by emoji, in emoji order.
extension SQLiteRecords {
    static let threadRecordFormat: UInt8 = 1
    static let postRecordFormat: UInt8 = 1

    private enum ThreadFlag {
        static let authorIsStaff: UInt8 = 1 << 0
        static let isLocked: UInt8 = 1 << 1
        static let isClosed: UInt8 = 1 << 2
        static let isPinned: UInt8 = 1 << 3
        static let isDeleted: UInt8 = 1 << 4
        static let hasAcceptedAnswer: UInt8 = 1 << 5
        static let all: UInt8 = (1 << 6) - 1
    }

    private enum PostFlag {
        static let hasAuthor: UInt8 = 1 << 0
        static let authorIsStaff: UInt8 = 1 << 1
        static let isReply: UInt8 = 1 << 2
        static let isEdited: UInt8 = 1 << 3
        static let isDeleted: UInt8 = 1 << 4
        static let hasDeleter: UInt8 = 1 << 5
        static let isHidden: UInt8 = 1 << 6
        static let all: UInt8 = (1 << 7) - 1
    }

    private static func kindCode(_ kind: DiscussionThread.Kind) -> UInt8 {
        switch kind {
        case .discussion: 0
        case .question: 1
        case .announcement: 2
        }
    }

    private static func kind(code: UInt8) throws(SQLiteError) -> DiscussionThread.Kind {
        switch code {
        case 0: .discussion
        case 1: .question
        case 2: .announcement
        default: throw corrupt("a stored thread record has kind \(code)")
        }
    }

    // MARK: Thread

    static func record(_ thread: DiscussionThread) -> SQLiteValue {
        var writer = CompactRecordWriter(version: threadRecordFormat, capacity: 128 + thread.title.utf8.count)
        writer.id(thread.id); writer.id(thread.communityID); writer.id(thread.spaceID); writer.id(thread.authorID)
        writer.id(thread.firstPostID)
        writer.byte(kindCode(thread.kind))
        var flags: UInt8 = 0
        if thread.authorIsStaff { flags |= ThreadFlag.authorIsStaff }
        if thread.isLocked { flags |= ThreadFlag.isLocked }
        if thread.isClosed { flags |= ThreadFlag.isClosed }
        if thread.pinOrder != nil { flags |= ThreadFlag.isPinned }
        if thread.deletedAt != nil { flags |= ThreadFlag.isDeleted }
        if thread.acceptedAnswer != nil { flags |= ThreadFlag.hasAcceptedAnswer }
        writer.byte(flags)
        writer.string(thread.title); writer.strings(thread.tags)
        writer.date(thread.createdAt); writer.date(thread.lastActivityAt)
        writer.int(thread.lastPostNumber); writer.int(thread.postCount); writer.int(thread.reactionCount); writer.int(thread.replyCount)
        if let pinOrder = thread.pinOrder { writer.int(pinOrder) }
        if let deletedAt = thread.deletedAt { writer.date(deletedAt) }
        if let answer = thread.acceptedAnswer {
            writer.id(answer.postID); writer.id(answer.authorID); writer.bool(answer.byStaff); writer.principal(answer.acceptedBy)
            writer.date(answer.acceptedAt)
        }
        return writer.value
    }

    /// The thread whose compact record is in column 0.
    static func thread(_ row: SQLiteRow) throws -> DiscussionThread {
        try CompactRecordReader.read(row, 0, subject: "thread", version: threadRecordFormat) { reader throws(SQLiteError) in
            let id: ThreadID = try reader.id(), community: CommunityID = try reader.id(), space: SpaceID = try reader.id()
            let author: MemberID = try reader.id(), firstPost: PostID = try reader.id()
            let kind = try kind(code: try reader.byte())
            let flags = try reader.byte()
            guard flags & ~ThreadFlag.all == 0 else { throw corrupt("a stored thread record has unknown flags \(flags)") }
            var thread = DiscussionThread(
                id: id, communityID: community, spaceID: space, authorID: author, authorIsStaff: flags & ThreadFlag.authorIsStaff != 0,
                kind: kind, title: try reader.string(), tags: try reader.strings(), firstPostID: firstPost, createdAt: try reader.date())
            thread.lastActivityAt = try reader.date()
            thread.lastPostNumber = try reader.int()
            thread.postCount = try reader.int()
            thread.reactionCount = try reader.int()
            thread.replyCount = try reader.int()
            thread.isLocked = flags & ThreadFlag.isLocked != 0
            thread.isClosed = flags & ThreadFlag.isClosed != 0
            if flags & ThreadFlag.isPinned != 0 { thread.pinOrder = try reader.int() }
            if flags & ThreadFlag.isDeleted != 0 { thread.deletedAt = try reader.date() }
            if flags & ThreadFlag.hasAcceptedAnswer != 0 {
                thread.acceptedAnswer = AcceptedAnswer(
                    postID: try reader.id(), authorID: try reader.id(), byStaff: try reader.bool(), acceptedBy: try reader.principal(),
                    acceptedAt: try reader.date())
            }
            return thread
        }
    }

    // MARK: Post

    static func record(_ post: Post) -> SQLiteValue {
        var writer = CompactRecordWriter(version: postRecordFormat, capacity: 96 + post.excerpt.utf8.count)
        writer.id(post.id); writer.id(post.communityID); writer.id(post.spaceID); writer.id(post.threadID)
        writer.int(post.number)
        var flags: UInt8 = 0
        if post.authorID != nil { flags |= PostFlag.hasAuthor }
        if post.authorIsStaff { flags |= PostFlag.authorIsStaff }
        if post.inReplyTo != nil { flags |= PostFlag.isReply }
        if post.editedAt != nil { flags |= PostFlag.isEdited }
        if post.deletedAt != nil { flags |= PostFlag.isDeleted }
        if post.deletedBy != nil { flags |= PostFlag.hasDeleter }
        if post.hiddenAt != nil { flags |= PostFlag.isHidden }
        writer.byte(flags)
        if let author = post.authorID { writer.id(author) }
        writer.string(post.excerpt, sharingPrefixWith: post.body)
        writer.varint(UInt64(post.mentions.count))
        for mention in post.mentions { writer.id(mention) }
        writer.strings(post.tags); writer.strings(post.links)
        if let inReplyTo = post.inReplyTo { writer.id(inReplyTo) }
        writer.date(post.createdAt)
        if let editedAt = post.editedAt { writer.date(editedAt) }
        if let deletedAt = post.deletedAt { writer.date(deletedAt) }
        if let deletedBy = post.deletedBy { writer.principal(deletedBy) }
        if let hiddenAt = post.hiddenAt { writer.date(hiddenAt) }
        writer.varint(UInt64(post.reactionCounts.count))
        for (emoji, count) in post.reactionCounts.sorted(by: { $0.key < $1.key }) {
            writer.string(emoji)
            writer.int(count)
        }
        return writer.value
    }

    /// The post whose compact record is in column 0 and body in column 1 (``postReadColumns``).
    static func post(_ row: SQLiteRow) throws -> Post {
        let body = row.text(1)
        return try CompactRecordReader.read(row, 0, subject: "post", version: postRecordFormat) { reader throws(SQLiteError) in
            let id: PostID = try reader.id(), community: CommunityID = try reader.id(), space: SpaceID = try reader.id()
            let thread: ThreadID = try reader.id()
            let number = try reader.int()
            let flags = try reader.byte()
            guard flags & ~PostFlag.all == 0 else { throw corrupt("a stored post record has unknown flags \(flags)") }
            let author: MemberID? = flags & PostFlag.hasAuthor != 0 ? try reader.id() : nil
            let excerpt = try reader.string(sharingPrefixWith: body)
            let mentionCount = try reader.count()
            var mentions: [MemberID] = []
            mentions.reserveCapacity(mentionCount)
            for _ in 0..<mentionCount { mentions.append(try reader.id()) }
            let tags = try reader.strings(), links = try reader.strings()
            let inReplyTo: PostID? = flags & PostFlag.isReply != 0 ? try reader.id() : nil
            var post = Post(
                id: id, communityID: community, spaceID: space, threadID: thread, number: number, authorID: author,
                authorIsStaff: flags & PostFlag.authorIsStaff != 0, body: body, excerpt: excerpt, mentions: mentions, tags: tags,
                links: links, inReplyTo: inReplyTo, createdAt: try reader.date())
            if flags & PostFlag.isEdited != 0 { post.editedAt = try reader.date() }
            if flags & PostFlag.isDeleted != 0 { post.deletedAt = try reader.date() }
            if flags & PostFlag.hasDeleter != 0 { post.deletedBy = try reader.principal() }
            if flags & PostFlag.isHidden != 0 { post.hiddenAt = try reader.date() }
            let reactionKinds = try reader.count()
            if reactionKinds > 0 {
                var counts: [String: Int] = [:]
                counts.reserveCapacity(reactionKinds)
                for _ in 0..<reactionKinds {
                    let emoji = try reader.string()
                    counts[emoji] = try reader.int()
                }
                post.reactionCounts = counts
            }
            return post
        }
    }
}

extension SQLiteRecords {
    /// Schema version 5's backfill: the compact record of every thread and post stored before
    /// it, decoded from their columns as earlier versions read them.
    static func writeCompactRecords(_ database: SQLiteDatabase) throws {
        try writeRecords(database, table: "threads", key: "id", first: .emptyBlob, columns: legacyThreadColumns) {
            record(try threadFromColumns($0))
        }
        try writeRecords(database, table: "posts", key: "seq", first: .integer(.min), columns: legacyPostColumns) {
            record(try postFromColumns($0))
        }
    }

    /// Sets `record` on every row of `table` from its `columns`, in batches in `key` order
    /// (strictly after `first` to begin with), so a large database is never decoded into memory
    /// at once.
    private static func writeRecords(_ database: SQLiteDatabase, table: String, key: String, first: SQLiteValue, columns: String,
                                     encode: (SQLiteRow) throws -> SQLiteValue) throws {
        var after = first
        while true {
            let batch = try database.query(
                "SELECT \(key), \(columns) FROM \(table) WHERE \(key) > ? ORDER BY \(key) LIMIT 1000", [after]
            ) { row in (key: row.value(0), record: try encode(row.shifted(by: 1))) }
            guard let last = batch.last else { return }
            for entry in batch {
                try database.execute("UPDATE \(table) SET record = ? WHERE \(key) = ?", [entry.record, entry.key])
            }
            after = last.key
        }
    }
}
