#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// The inbox: `read_at` is a column (so marking everything read is one statement) that overrides
/// the JSON's `readAt`.
extension PostgresTransaction: InboxWriteTransaction {
    func inbox(of member: MemberID, before: InboxItemID?, unreadOnly: Bool, limit: Int) async throws -> [InboxItem] {
        let cursor = Self.descendingCursor(before)
        if unreadOnly {
            return try await inboxItems("""
                SELECT read_at, body FROM inbox_items WHERE member_id = \(member.uuid) AND read_at IS NULL AND id < \(cursor)
                ORDER BY id DESC LIMIT \(max(0, limit))
                """)
        }
        return try await inboxItems("""
            SELECT read_at, body FROM inbox_items WHERE member_id = \(member.uuid) AND id < \(cursor) ORDER BY id DESC LIMIT \(max(0, limit))
            """)
    }

    func inboxItem(_ id: InboxItemID, of member: MemberID) async throws -> InboxItem? {
        try await inboxItems("SELECT read_at, body FROM inbox_items WHERE id = \(id.uuid) AND member_id = \(member.uuid)").first
    }

    func unreadInboxCount(of member: MemberID) async throws -> Int {
        Int(try await integer("SELECT count(*) FROM inbox_items WHERE member_id = \(member.uuid) AND read_at IS NULL"))
    }

    private func inboxItems(_ query: PostgresQuery) async throws -> [InboxItem] {
        try await rows(query).map { row in
            let (readAt, body) = try Self.columns((Double?, Data).self, row, table: "inbox_items")
            var item = try PostgresRecordCoding.decode(InboxItem.self, body, table: "inbox_items")
            item.readAt = readAt.map(PostgresRecordCoding.date)
            return item
        }
    }

    func insert(_ item: InboxItem) async throws {
        let body = try PostgresRecordCoding.encode(item)
        try await insertNew("""
            INSERT INTO inbox_items (id, community_id, member_id, read_at, body)
            VALUES (\(item.id.uuid), \(item.communityID.uuid), \(item.memberID.uuid), \(item.readAt.map(PostgresRecordCoding.seconds)), \(body))
            ON CONFLICT DO NOTHING RETURNING 1
            """, orThrow: .conflict("an inbox item with id \(item.id) already exists", field: "id"))
    }

    func update(_ item: InboxItem) async throws {
        let body = try PostgresRecordCoding.encode(item)
        let changed = try await write("""
            UPDATE inbox_items SET community_id = \(item.communityID.uuid), read_at = \(item.readAt.map(PostgresRecordCoding.seconds)),
                body = \(body)
            WHERE id = \(item.id.uuid) AND member_id = \(item.memberID.uuid) RETURNING 1
            """)
        guard changed > 0 else { throw CommunityError.notFound("no inbox item with id \(item.id) for this member", field: "item") }
    }

    func markInboxRead(of member: MemberID, at date: Date) async throws -> Int {
        try await write("""
            UPDATE inbox_items SET read_at = \(PostgresRecordCoding.seconds(date)) WHERE member_id = \(member.uuid) AND read_at IS NULL RETURNING 1
            """)
    }
}
#endif
