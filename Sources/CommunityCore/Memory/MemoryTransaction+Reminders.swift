import Foundation

extension MemoryTransaction: ReminderWriteTransaction {
    func reminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws -> ReminderReceipt? {
        state.events.receipts[.init(event: event, occurrence: occurrence, member: member, offset: offset)]
    }

    func insert(_ receipt: ReminderReceipt) async throws {
        let key = MemoryEventState.ReceiptKey(event: receipt.eventID, occurrence: receipt.occurrence, member: receipt.memberID, offset: receipt.offset)
        guard state.events.receipts[key] == nil else {
            throw CommunityError.conflict("this reminder was already sent", field: "receipt")
        }
        state.events.receipts[key] = receipt
        record { [events = state.events] in events.receipts[key] = nil }
    }

    func deleteReminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws {
        let key = MemoryEventState.ReceiptKey(event: event, occurrence: occurrence, member: member, offset: offset)
        guard let old = state.events.receipts.removeValue(forKey: key) else { return }
        record { [events = state.events] in events.receipts[key] = old }
    }
}
