import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct EventSchedulerTests {
    struct World {
        let fixture: CommunityFixture
        let scheduler: EventScheduler
        var community: CommunityID { fixture.community.id }
        var owner: Principal { .member(fixture.owner.id) }

        static func make(members: Int = 6) async throws -> World {
            let fixture = try await CommunityFixture.make(members: members, spaces: 1)
            return World(fixture: fixture, scheduler: EventScheduler(fixture.environment))
        }

        /// A weekly Tuesday 18:00 Paris series from 2026-01-06 (the fixture clock stands at 2026-01-01).
        func weekly(capacity: Int?, deadline: TimeInterval? = nil) async throws -> CommunityEvent {
            var draft = EventDraft(title: "Swift on the server", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 5400)
            draft.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
            draft.capacity = capacity
            draft.rsvpDeadline = deadline
            draft.spaceID = fixture.spaces[0].id
            return try await scheduler.createEvent(in: community, draft, by: owner)
        }

        func member(_ index: Int) -> Principal { .member(fixture.members[index].id) }
    }

    @Test func occurrencesAreWallClockAcrossDST() async throws {
        let w = try await World.make()
        let event = try await w.weekly(capacity: nil)
        let all = try await w.scheduler.occurrences(of: event.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.member(0))
        #expect(all.count == 10)
        #expect(all.allSatisfy { $0.key.hasSuffix("T18:00:00") })
        #expect(all.first?.utcOffset == 3600)
        #expect(all.last?.key == "2026-03-10T18:00:00")
        #expect(all.allSatisfy { $0.end.timeIntervalSince($0.start) == 5400 })
    }

    @Test func seatsThenWaitlistThenPromotionInOrder() async throws {
        let w = try await World.make()
        let event = try await w.weekly(capacity: 2)
        let occurrence = "2026-01-13T18:00:00"
        var seats: [EventRSVP.Seat] = []
        for index in 0..<5 { seats.append(try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.member(index)).seat) }
        #expect(seats == [.confirmed, .confirmed, .waitlisted, .waitlisted, .waitlisted])
        let again = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.member(3))
        #expect(again.waitlistNumber == 2, "answering the same again keeps the place")
        try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .notGoing, in: w.community, by: w.member(0))
        let waitlist = try await w.scheduler.waitlist(of: event.id, occurrence: occurrence, in: w.community, by: w.owner)
        #expect(waitlist.map(\.memberID) == [w.fixture.members[3].id, w.fixture.members[4].id], "the first waitlisted moved up")
        let promoted = try await w.scheduler.attendees(of: event.id, occurrence: occurrence, in: w.community, by: w.owner).items
        #expect(promoted.filter { $0.seat == .confirmed }.map(\.memberID).sorted() == [w.fixture.members[1].id, w.fixture.members[2].id].sorted())
        let inbox = try await DiscussionEngineInbox.items(of: w.fixture.members[2].id, in: w.fixture)
        #expect(inbox.map(\.kind) == [.eventSeatConfirmed], "the promoted member is told")
        let counters = try await w.scheduler.seats(of: event.id, occurrence: occurrence, in: w.community, by: w.owner)
        #expect((counters.confirmed, counters.waitlisted) == (2, 2))
    }

    @Test func capacityChangesPromoteButNeverDemote() async throws {
        let w = try await World.make()
        let event = try await w.weekly(capacity: 3)
        let occurrence = "2026-01-20T18:00:00"
        for index in 0..<6 { try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.member(index)) }
        try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 1, occurrences: [occurrence], by: w.owner)
        var counters = try await w.scheduler.seats(of: event.id, occurrence: occurrence, in: w.community, by: w.owner)
        #expect((counters.confirmed, counters.waitlisted) == (3, 3), "lowering capacity demotes nobody")
        try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .maybe, in: w.community, by: w.member(0))
        counters = try await w.scheduler.seats(of: event.id, occurrence: occurrence, in: w.community, by: w.owner)
        #expect((counters.confirmed, counters.waitlisted) == (2, 3), "a freed seat above capacity is not refilled")
        let promoted = try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 4, occurrences: [occurrence], by: w.owner)
        #expect(promoted.map(\.memberID) == [w.fixture.members[3].id, w.fixture.members[4].id], "raising capacity promotes in order")
        try await w.scheduler.setCapacity(of: event.id, in: w.community, to: nil, occurrences: [occurrence], by: w.owner)
        counters = try await w.scheduler.seats(of: event.id, occurrence: occurrence, in: w.community, by: w.owner)
        #expect((counters.confirmed, counters.waitlisted) == (5, 0), "unlimited seats empty the waitlist")
    }

    @Test func refusals() async throws {
        let w = try await World.make()
        let event = try await w.weekly(capacity: 10, deadline: 3600)
        await expectCode(.invalidInput) { try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-07T18:00:00", .going, in: w.community, by: w.member(0)) }
        await expectCode(.invalidInput) { try await w.scheduler.rsvp(to: event.id, occurrence: "not a date", .going, in: w.community, by: w.member(0)) }
        await expectCode(.invalidInput) { try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-13T18:00:00", .going, in: w.community, by: .system("x")) }
        w.fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-06T16:30:00Z")!)
        await expectCode(.forbidden) { try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-06T18:00:00", .going, in: w.community, by: w.member(0)) }
        w.fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-06T17:30:00Z")!)
        await expectCode(.forbidden) { try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-06T18:00:00", .going, in: w.community, by: w.member(0)) }
        let guest = try await w.fixture.memberService.join(w.community, profile: MemberProfile(handle: "guesty", displayName: "G"), role: .guest)
        await expectCode(.forbidden) { try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-13T18:00:00", .going, in: w.community, by: .member(guest.id)) }
        var bad = EventDraft(title: "Bad", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 3600)
        bad.recurrenceRule = "FREQ=WEEKLY;BYWEEKNO=3"
        await expectCode(.invalidInput, field: "rrule.BYWEEKNO") { try await w.scheduler.createEvent(in: w.community, bad, by: w.owner) }
        bad.recurrenceRule = nil
        bad.timeZone = "Mars/Base"
        await expectCode(.invalidInput, field: "timeZone") { try await w.scheduler.createEvent(in: w.community, bad, by: w.owner) }
        bad.timeZone = "UTC"
        bad.duration = 0
        await expectCode(.invalidInput, field: "duration") { try await w.scheduler.createEvent(in: w.community, bad, by: w.owner) }
        bad.duration = 3600
        await expectCode(.forbidden) { try await w.scheduler.createEvent(in: w.community, bad, by: w.member(0)) }
    }

    @Test func tenThousandConcurrentRSVPsNeverOversell() async throws {
        let fixture = try await CommunityFixture.make(members: 0, spaces: 0)
        let members = try await withThrowingTaskGroup(of: MemberID.self) { group in
            for index in 0..<10_000 {
                group.addTask {
                    try await fixture.memberService.join(fixture.community.id, profile: MemberProfile(handle: "m\(index)", displayName: "M")).id
                }
            }
            return try await group.reduce(into: [MemberID]()) { $0.append($1) }
        }
        let scheduler = EventScheduler(fixture.environment)
        var draft = EventDraft(title: "Launch", start: "2026-02-01T18:00:00", timeZone: "UTC", duration: 3600)
        draft.capacity = 100
        let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
        let seats = try await withThrowingTaskGroup(of: EventRSVP.self) { group in
            for member in members {
                group.addTask { try await scheduler.rsvp(to: event.id, occurrence: "2026-02-01T18:00:00", .going, in: fixture.community.id, by: .member(member)) }
            }
            return try await group.reduce(into: [EventRSVP]()) { $0.append($1) }
        }
        #expect(seats.filter { $0.seat == .confirmed }.count == 100)
        #expect(seats.filter { $0.seat == .waitlisted }.count == 9_900)
        #expect(Set(seats.compactMap(\.waitlistNumber)) == Set(1...9_900), "every waitlisted member has a distinct place")
        let counters = try await scheduler.seats(of: event.id, occurrence: "2026-02-01T18:00:00", in: fixture.community.id, by: .system("test"))
        #expect((counters.confirmed, counters.waitlisted) == (100, 9_900))
    }

    private func expectCode<T>(_ code: CommunityError.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                               _ body: () async throws -> T) async {
        do {
            _ = try await body()
            Issue.record("expected \(code)", sourceLocation: sourceLocation)
        } catch let error as CommunityError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            if let field { #expect(error.field == field, "\(error)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }
}

/// Reads a member's inbox straight from the store (the events module has no inbox API of its own).
enum DiscussionEngineInbox {
    static func items(of member: MemberID, in fixture: CommunityFixture) async throws -> [InboxItem] {
        try await fixture.environment.store.read { tx in
            guard let inbox = tx as? any InboxReadTransaction else { return [] }
            return try await inbox.inbox(of: member, before: nil, unreadOnly: false, limit: 100)
        }
    }
}
