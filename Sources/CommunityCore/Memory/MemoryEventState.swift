import Foundation

/// The event records of the in-memory backend with their indexes.
final class MemoryEventState {
    struct OccurrenceKey: Hashable {
        var event: EventID
        var occurrence: String
    }

    struct WaitlistEntry: Comparable {
        var number: Int
        var member: MemberID
        static func < (lhs: WaitlistEntry, rhs: WaitlistEntry) -> Bool { (lhs.number, lhs.member) < (rhs.number, rhs.member) }
    }

    var events: [EventID: CommunityEvent] = [:]
    var eventsByCommunity: [CommunityID: SortedKeys<EventID>] = [:]
    var rsvps: [OccurrenceKey: [MemberID: EventRSVP]] = [:]
    var byResponse: [OccurrenceKey: [EventRSVP.Response: SortedKeys<MemberID>]] = [:]
    var waitlists: [OccurrenceKey: SortedKeys<WaitlistEntry>] = [:]
    var seats: [OccurrenceKey: OccurrenceSeats] = [:]
    var receipts: [ReceiptKey: ReminderReceipt] = [:]
    var overrides: [EventID: [String: OccurrenceOverride]] = [:]

    struct ReceiptKey: Hashable {
        var event: EventID
        var occurrence: String
        var member: MemberID
        var offset: TimeInterval
    }

    func replace(old: CommunityEvent?, new: CommunityEvent?) {
        if let old = old.flatMap({ events[$0.id] }) {
            events[old.id] = nil
            eventsByCommunity[old.communityID]?.remove(old.id)
        }
        if let new {
            events[new.id] = new
            eventsByCommunity[new.communityID, default: SortedKeys()].insert(new.id)
        }
    }

    func replace(old: EventRSVP?, new: EventRSVP?) {
        if let old {
            let key = OccurrenceKey(event: old.eventID, occurrence: old.occurrence)
            if let stored = rsvps[key]?[old.memberID] {
                rsvps[key]?[old.memberID] = nil
                byResponse[key]?[stored.response]?.remove(stored.memberID)
                if let number = stored.waitlistNumber { waitlists[key]?.remove(WaitlistEntry(number: number, member: stored.memberID)) }
            }
        }
        if let new {
            let key = OccurrenceKey(event: new.eventID, occurrence: new.occurrence)
            rsvps[key, default: [:]][new.memberID] = new
            byResponse[key, default: [:]][new.response, default: SortedKeys()].insert(new.memberID)
            if new.seat == .waitlisted, let number = new.waitlistNumber {
                waitlists[key, default: SortedKeys()].insert(WaitlistEntry(number: number, member: new.memberID))
            }
        }
    }
}
