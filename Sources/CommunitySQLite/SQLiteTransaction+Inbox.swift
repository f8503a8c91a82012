import CommunityCore
import Foundation

/// The notification inbox (shared by discussions and events) over the `inbox_items` table of
/// migration 2: pages per member by id descending on `inbox_by_member`, unread pages and the
/// unread count on the partial index `inbox_unread`. Mirrors the in-memory backend.
extension SQLiteTransaction: InboxWriteTransaction {
    // MARK: Reads

    func inbox(of member: MemberID, before: InboxItemID?, unreadOnly: Bool, limit: Int) async throws -> [InboxItem] {
        try run { db in
            try db.query(
                unreadOnly ? SQLiteQueries.unreadInboxPage : SQLiteQueries.inboxPage,
                [.id(member), .before(before), .integer(Int64(max(0, limit)))], row: SQLiteRecords.inboxItem)
        }
    }

    func inboxItem(_ id: InboxItemID, of member: MemberID) async throws -> InboxItem? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.inboxItemColumns) FROM inbox_items WHERE id = ? AND member_id = ?",
                [.id(id), .id(member)], row: SQLiteRecords.inboxItem)
        }
    }

    func unreadInboxCount(of member: MemberID) async throws -> Int {
        try run { db in Int(try db.queryFirst(SQLiteQueries.unreadInboxCount, [.id(member)]) { $0.int64(0) } ?? 0) }
    }

    // MARK: Writes

    func insert(_ item: InboxItem) async throws {
        let values = SQLiteRecords.values(item)
        try runWrite { db in
            guard try !Self.exists(db, "SELECT 1 FROM inbox_items WHERE id = ?", [.id(item.id)]) else {
                throw CommunityError.conflict("an inbox item with id \(item.id) already exists", field: "id")
            }
            try db.execute("INSERT INTO inbox_items (\(SQLiteRecords.inboxItemColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        }
    }

    func update(_ item: InboxItem) async throws {
        let values = SQLiteRecords.values(item)
        let changed = try runWrite { db in
            try db.execute(
                """
                UPDATE inbox_items SET community_id = ?2, kind = ?4, actor = ?5, thread_id = ?6, post_id = ?7, summary = ?8,
                    created_at = ?9, read_at = ?10
                WHERE id = ?1 AND member_id = ?3
                """, values)
        }
        guard changed > 0 else { throw CommunityError.notFound("no inbox item with id \(item.id) for this member", field: "item") }
    }

    func markInboxRead(of member: MemberID, at date: Date) async throws -> Int {
        try runWrite { db in try db.execute(SQLiteQueries.markInboxRead, [.id(member), SQLiteRecords.date(date)]) }
    }
}
