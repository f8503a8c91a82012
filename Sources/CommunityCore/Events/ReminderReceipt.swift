public import Foundation

/// The record that one reminder was sent: one per event, occurrence, member and offset.
///
/// The reminder runner stores it *before* handing the reminder to the host's delivery, in its own
/// transaction, so that a restart never sends a reminder twice (at most once); if delivery
/// fails, the receipt is removed so the next pass tries again.
public struct ReminderReceipt: Hashable, Sendable, Codable {
    /// The event.
    public var eventID: EventID
    /// The occurrence's local start.
    public var occurrence: String
    /// The member reminded.
    public var memberID: MemberID
    /// How long before the start the reminder was due, in seconds.
    public var offset: TimeInterval
    /// When it was sent.
    public var sentAt: Date

    /// Creates a receipt.
    public init(eventID: EventID, occurrence: String, memberID: MemberID, offset: TimeInterval, sentAt: Date) {
        self.eventID = eventID
        self.occurrence = occurrence
        self.memberID = memberID
        self.offset = offset
        self.sentAt = sentAt
    }
}

/// The reminder receipts a store offers (on top of event storage).
public protocol ReminderReadTransaction: EventReadTransaction {
    /// The receipt of a reminder, if it was sent.
    func reminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws -> ReminderReceipt?
}

/// The reminder receipt writes a store offers.
public protocol ReminderWriteTransaction: EventWriteTransaction, ReminderReadTransaction {
    /// Stores a receipt. Throws `conflict` if that reminder already has one.
    func insert(_ receipt: ReminderReceipt) async throws
    /// Removes a receipt (its delivery failed). Idempotent.
    func deleteReminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws
}
