import CommunityCore
import Foundation

/// Reminder receipts over the `reminder_receipts` table of migration 3, keyed like the
/// in-memory backend's: event, occurrence, member and offset. A second receipt for the same
/// reminder is a `conflict` (field `receipt`); deleting a missing one does nothing.
extension SQLiteTransaction: ReminderWriteTransaction {
    func reminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws -> ReminderReceipt? {
        try run { db in
            try db.queryFirst(
                SQLiteQueries.reminderReceiptLookup, [.id(event), .text(occurrence), .id(member), .real(offset)],
                row: SQLiteRecords.reminderReceipt)
        }
    }

    func insert(_ receipt: ReminderReceipt) async throws {
        let values = SQLiteRecords.values(receipt)
        try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    "INSERT INTO reminder_receipts (\(SQLiteRecords.reminderReceiptColumns)) VALUES (?, ?, ?, ?, ?)", values)
            }, unique: [
                ("reminder_receipts.offset_seconds", .conflict("this reminder was already sent", field: "receipt")),
            ])
        }
    }

    func deleteReminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws {
        try runWrite { db in
            try db.execute(SQLiteQueries.deleteReminderReceipt, [.id(event), .text(occurrence), .id(member), .real(offset)])
        }
    }
}
