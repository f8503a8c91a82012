import CommunityCore
import CommunityEvents
@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Synchronization
import Testing

/// The event storage contract on SQLite next to the in-memory reference, including the edges the
/// scheduler never reaches (empty limits, odd seat/number combinations, counters without an
/// event): every read gives the same answer, every refusal the same code and field.
@Suite struct SQLiteEventStorageTests {
    let folder: TemporaryFolder
    let f = Fixtures()
    let sqlite: SQLiteCommunityStore
    let memory = InMemoryCommunityStore()

    init() throws {
        folder = try TemporaryFolder()
        sqlite = try SQLiteCommunityStore(path: folder.path())
    }

    var stores: [any CommunityStore] { [sqlite, memory] }

    func event(_ community: CommunityID, location: CommunityEvent.Location = .online(joinURL: nil)) -> CommunityEvent {
        CommunityEvent(
            id: f.id(), communityID: community, spaceID: nil, title: "Event", hosts: [], format: .meetup, location: location,
            start: "2026-03-03T18:00:00", timeZoneIdentifier: "Europe/Paris", duration: 3600, createdBy: .system("tests"),
            createdAt: f.epoch.addingTimeInterval(0.000_123))
    }

    func rsvp(_ event: CommunityEvent, _ member: MemberID, _ response: EventRSVP.Response, _ seat: EventRSVP.Seat, number: Int? = nil,
              occurrence: String = "2026-03-03T18:00:00") -> EventRSVP {
        EventRSVP(eventID: event.id, communityID: event.communityID, occurrence: occurrence, memberID: member, response: response, seat: seat,
                  waitlistNumber: number, respondedAt: f.epoch, updatedAt: f.epoch.addingTimeInterval(1))
    }

    /// Runs `body` in a write transaction of each store; expects both to succeed, or to fail with the same code and field.
    func write(_ what: Comment, sourceLocation: SourceLocation = #_sourceLocation,
               _ body: @escaping (any EventWriteTransaction) async throws -> Void) async throws {
        var outcomes: [CommunityError?] = []
        for store in stores {
            do {
                try await store.write { tx in try await body(try #require(tx as? any EventWriteTransaction)) }
                outcomes.append(nil)
            } catch let error as CommunityError {
                outcomes.append(error)
            }
        }
        #expect(outcomes[0]?.code == outcomes[1]?.code && outcomes[0]?.field == outcomes[1]?.field,
                "\(what): SQLite \(String(describing: outcomes[0])); in-memory \(String(describing: outcomes[1]))", sourceLocation: sourceLocation)
    }

    /// Reads the same on each store; expects equal answers.
    @discardableResult
    func read<T: Equatable>(_ what: Comment, sourceLocation: SourceLocation = #_sourceLocation,
                            _ body: @escaping (any EventReadTransaction) async throws -> T) async throws -> T {
        let a = try await sqlite.read { tx in try await body(try #require(tx as? any EventReadTransaction)) }
        let b = try await memory.read { tx in try await body(try #require(tx as? any EventReadTransaction)) }
        #expect(a == b, "\(what): SQLite and in-memory differ", sourceLocation: sourceLocation)
        return a
    }

    @Test func storageEdgesMatchTheReference() async throws {
        let community = f.community()
        let other = f.community(slug: "other")
        let members = (0..<6).map { f.member(community.id, handle: "m\($0)") }.sorted { $0.id < $1.id }
        let events = [
            event(community.id), event(community.id, location: .inPerson(address: "Salle 1")),
            event(community.id, location: .hybrid(address: "Salle 2", joinURL: URL(string: "https://example.com/a?b=c#d"))),
        ]
        let foreign = event(other.id)
        try await write("setup") { tx in
            try await tx.insert(community)
            try await tx.insert(other)
            for member in members { try await tx.insert(member) }
            for event in events + [foreign] { try await tx.insert(event) }
        }
        try await read("pages of one") { tx in try await tx.events(in: community.id, after: nil, limit: 1).map(\.id) }
        try await read("a page after the first") { tx in try await tx.events(in: community.id, after: events[0].id, limit: 10) }
        try await read("a cursor that is no event") { tx in try await tx.events(in: community.id, after: EventID(high: 0, low: 1), limit: 10) }
        try await read("limit zero") { tx in try await tx.events(in: community.id, after: nil, limit: 0) }
        try await read("negative limit") { tx in try await tx.events(in: community.id, after: nil, limit: -5) }
        try await read("another community's page") { tx in try await tx.events(in: other.id, after: nil, limit: 10) }
        try await read("lookup in the wrong community") { tx in try await tx.event(foreign.id, in: community.id) }
        try await read("locations") { tx in
            var found: [CommunityEvent?] = []
            for event in events { found.append(try await tx.event(event.id, in: community.id)) }
            return found
        }

        let e = events[0]
        let oddities = [
            rsvp(e, members[0].id, .going, .confirmed),
            rsvp(e, members[1].id, .going, .waitlisted, number: 7),
            rsvp(e, members[2].id, .going, .waitlisted, number: 3),
            rsvp(e, members[3].id, .going, .waitlisted, number: 3),  // same number: member order breaks the tie
            rsvp(e, members[4].id, .going, .waitlisted),  // no number: not in line
            rsvp(e, members[5].id, .maybe, .confirmed, number: 1),  // a number without the waitlisted seat: not in line
        ]
        try await write("odd rsvps") { tx in for rsvp in oddities { try await tx.upsert(rsvp) } }
        try await read("the waitlist") { tx in try await tx.waitlist(of: e.id, occurrence: "2026-03-03T18:00:00", limit: 10) }
        try await read("a short waitlist") { tx in try await tx.waitlist(of: e.id, occurrence: "2026-03-03T18:00:00", limit: 2) }
        try await read("a zero waitlist") { tx in try await tx.waitlist(of: e.id, occurrence: "2026-03-03T18:00:00", limit: 0) }
        for response in EventRSVP.Response.allCases {
            try await read("answers \(response)") { tx in
                try await tx.rsvps(to: e.id, occurrence: "2026-03-03T18:00:00", response: response, after: nil, limit: 10)
            }
            try await read("answers \(response) after the second member") { tx in
                try await tx.rsvps(to: e.id, occurrence: "2026-03-03T18:00:00", response: response, after: members[1].id, limit: 2)
            }
        }
        // A changed answer moves between the response pages and leaves the line.
        try await write("change an answer") { tx in try await tx.upsert(self.rsvp(e, members[2].id, .notGoing, .none)) }
        try await read("the waitlist after a change") { tx in try await tx.waitlist(of: e.id, occurrence: "2026-03-03T18:00:00", limit: 10) }
        try await read("going after a change") { tx in
            try await tx.rsvps(to: e.id, occurrence: "2026-03-03T18:00:00", response: .going, after: nil, limit: 10)
        }
        try await read("not going after a change") { tx in
            try await tx.rsvps(to: e.id, occurrence: "2026-03-03T18:00:00", response: .notGoing, after: nil, limit: 10)
        }
        try await read("another occurrence is empty") { tx in
            try await tx.rsvps(to: e.id, occurrence: "2026-03-10T18:00:00", response: .going, after: nil, limit: 10)
        }
        try await read("rsvp lookup") { tx in try await tx.rsvp(to: e.id, occurrence: "2026-03-03T18:00:00", of: members[1].id) }
        try await read("missing rsvp") { tx in try await tx.rsvp(to: e.id, occurrence: "2026-03-10T18:00:00", of: members[1].id) }

        // Seat counters are stored as given, even for an event the store does not hold (as in memory).
        let ghost = EventID(high: 77, low: 77)
        try await write("seats") { tx in
            try await tx.upsert(OccurrenceSeats(eventID: e.id, occurrence: "2026-03-03T18:00:00", confirmed: 1, waitlisted: 3, nextWaitlistNumber: 8))
            try await tx.upsert(OccurrenceSeats(eventID: e.id, occurrence: "2026-03-03T18:00:00", confirmed: 2, waitlisted: 2, nextWaitlistNumber: 9))
            try await tx.upsert(OccurrenceSeats(eventID: ghost, occurrence: "x"))
        }
        try await read("seats") { tx in try await tx.seats(of: e.id, occurrence: "2026-03-03T18:00:00") }
        try await read("seats of no event") { tx in try await tx.seats(of: ghost, occurrence: "x") }
        try await read("missing seats") { tx in try await tx.seats(of: e.id, occurrence: "2026-03-10T18:00:00") }

        // Refusals: the same code and field on both, and nothing written.
        try await write("duplicate id") { tx in try await tx.insert(e) }
        try await write("unknown community") { tx in try await tx.insert(self.event(CommunityID(high: 5, low: 5))) }
        try await write("update of an unknown event") { tx in try await tx.update(self.event(community.id)) }
        var moved = e
        moved.communityID = other.id
        try await write("update into another community") { tx in try await tx.update(moved) }
        try await write("rsvp of an unknown event") { tx in
            try await tx.upsert(EventRSVP(eventID: ghost, communityID: community.id, occurrence: "x", memberID: members[0].id, response: .going,
                                          seat: .confirmed, respondedAt: self.f.epoch, updatedAt: self.f.epoch))
        }
        try await write("rsvp claiming another community") { tx in
            try await tx.upsert(EventRSVP(eventID: e.id, communityID: other.id, occurrence: "2026-03-03T18:00:00", memberID: members[0].id,
                                          response: .notGoing, seat: .none, respondedAt: self.f.epoch, updatedAt: self.f.epoch))
        }
        try await read("refused events were not written") { tx in try await tx.events(in: community.id, after: nil, limit: 10) }
        try await read("a refused rsvp was not written") { tx in
            try await tx.rsvp(to: e.id, occurrence: "2026-03-03T18:00:00", of: members[0].id)
        }
        }

    /// Reminder receipts: one per (event, occurrence, member, offset), a second is a conflict,
    /// deleting is idempotent — as in memory.
    @Test func reminderReceiptsMatchTheReference() async throws {
        let receipt = ReminderReceipt(eventID: f.id(), occurrence: "2026-03-03T18:00:00", memberID: f.id(), offset: 3600, sentAt: f.epoch)
        for store in stores {
            try await store.write { tx in try await #require(tx as? any ReminderWriteTransaction).insert(receipt) }
            do {
                try await store.write { tx in try await #require(tx as? any ReminderWriteTransaction).insert(receipt) }
                Issue.record("\(type(of: store)): a second receipt was stored")
            } catch let error as CommunityError {
                #expect(error.code == .conflict && error.field == "receipt", "\(type(of: store)): \(error)")
            }
            try await store.read { tx in
                let reminders = try #require(tx as? any ReminderReadTransaction)
                #expect(try await reminders.reminderReceipt(event: receipt.eventID, occurrence: receipt.occurrence, member: receipt.memberID,
                                                            offset: 3600) == receipt)
                #expect(try await reminders.reminderReceipt(event: receipt.eventID, occurrence: receipt.occurrence, member: receipt.memberID,
                                                            offset: 86_400) == nil)
            }
            for _ in 0..<2 {
                try await store.write { tx in
                    try await #require(tx as? any ReminderWriteTransaction).deleteReminderReceipt(
                        event: receipt.eventID, occurrence: receipt.occurrence, member: receipt.memberID, offset: 3600)
                }
            }
            try await store.read { tx in
                let reminders = try #require(tx as? any ReminderReadTransaction)
                #expect(try await reminders.reminderReceipt(
                    event: receipt.eventID, occurrence: receipt.occurrence, member: receipt.memberID, offset: 3600) == nil)
            }
        }
    }

    /// The reminder runner on SQLite: each reminder once, even when the runner restarts on a reopened file.
    @Test func reminderRunnerSendsOnceAcrossReopening() async throws {
        let clock = ManualClock()
        let fixture = try await CommunityFixture.make(members: 3, spaces: 0, store: sqlite, clock: clock)
        let scheduler = EventScheduler(fixture.environment)
        let draft = EventDraft(title: "Office hours", start: "2026-01-10T18:00:00", timeZone: "UTC", duration: 3600)
        let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
        for member in fixture.members.prefix(2) {
            try await scheduler.rsvp(to: event.id, occurrence: "2026-01-10T18:00:00", .going, in: fixture.community.id, by: .member(member.id))
        }
        clock.set(to: Date(timeIntervalSince1970: 1_767_981_600))  // 2026-01-09T18:00:00Z, 24 h before
        let delivery = CountingDelivery()
        let first = try await ReminderRunner(fixture.environment, delivery: delivery).deliverDueReminders(in: fixture.community.id)
        #expect(first.count == 2)
        let reopened = try SQLiteCommunityStore(path: folder.path())
        let environment = CommunityEnvironment(store: reopened, clock: clock, ids: fixture.environment.ids)
        #expect(try await ReminderRunner(environment, delivery: delivery).deliverDueReminders(in: fixture.community.id).isEmpty)
        #expect(delivery.count == 2)
    }
}

/// A reminder delivery that counts what it sends.
final class CountingDelivery: ReminderDelivery {
    private let sent = Mutex<Int>(0)
    var count: Int { sent.withLock { $0 } }
    func deliver(_ reminder: EventReminder) async throws { sent.withLock { $0 += 1 } }
}
