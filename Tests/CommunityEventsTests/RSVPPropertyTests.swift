import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

/// Property tests of the seat rules: random interleavings of going / not going / maybe and
/// capacity changes, checked against a reference model after every step, and concurrently.
@Suite struct RSVPPropertyTests {


    static let occurrence = "2026-02-01T18:00:00"

    static func makeEvent(members: Int, capacity: Int) async throws -> (CommunityFixture, EventScheduler, CommunityEvent) {
        let fixture = try await CommunityFixture.make(members: members, spaces: 0)
        let scheduler = EventScheduler(fixture.environment)
        var draft = EventDraft(title: "Property", start: occurrence, timeZone: "UTC", duration: 3600)
        draft.capacity = capacity
        return (fixture, scheduler, try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id)))
    }

    @Test(arguments: 0..<12)
    func matchesTheModelStepByStep(seed: UInt64) async throws {
        var rng = SplitMix64(seed: seed)
        let members = 12
        let (fixture, scheduler, event) = try await Self.makeEvent(members: members, capacity: Int.random(in: 1...5, using: &rng))
        var model = EventConformance.Model(capacity: event.capacity)
        let community = fixture.community.id
        for _ in 0..<150 {
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll < 8 {
                let capacity: Int? = roll < 1 ? nil : Int.random(in: 1...8, using: &rng)
                try await scheduler.setCapacity(of: event.id, in: community, to: capacity, occurrences: [Self.occurrence], by: .member(fixture.owner.id))
                model.setCapacity(capacity)
            } else {
                let member = Int.random(in: 0..<members, using: &rng)
                let response: EventRSVP.Response = [.going, .going, .notGoing, .maybe].randomElement(using: &rng) ?? .going
                try await scheduler.rsvp(to: event.id, occurrence: Self.occurrence, response, in: community, by: .member(fixture.members[member].id))
                model.answer(member, going: response == .going)
            }
            let waitlist = try await scheduler.waitlist(of: event.id, occurrence: Self.occurrence, in: community, by: .system("test")).map(\.memberID)
            let confirmed = try await scheduler.attendees(of: event.id, occurrence: Self.occurrence, in: community, limit: 100, by: .system("test"))
                .items.filter { $0.seat == .confirmed }.map(\.memberID)
            #expect(waitlist == model.waitlist.map { fixture.members[$0].id }, "the waitlist is FIFO and matches the model")
            #expect(Set(confirmed) == Set(model.confirmed.map { fixture.members[$0].id }), "confirmed seats match the model")
            let counters = try await scheduler.seats(of: event.id, occurrence: Self.occurrence, in: community, by: .system("test"))
            #expect(counters.confirmed == model.confirmed.count && counters.waitlisted == model.waitlist.count, "counters match")
        }
    }

    @Test(arguments: 0..<4)
    func concurrentInterleavingsKeepTheInvariants(seed: UInt64) async throws {
        var rng = SplitMix64(seed: seed &+ 1000)
        let members = 60, capacity = 10
        let (fixture, scheduler, event) = try await Self.makeEvent(members: members, capacity: capacity)
        let community = fixture.community.id
        let operations: [(Int, EventRSVP.Response)] = (0..<600).map { _ in
            (Int.random(in: 0..<members, using: &rng), [.going, .going, .going, .notGoing, .maybe].randomElement(using: &rng) ?? .going)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (member, response) in operations {
                group.addTask {
                    try await scheduler.rsvp(to: event.id, occurrence: Self.occurrence, response, in: community, by: .member(fixture.members[member].id))
                }
            }
            try await group.waitForAll()
        }
        var all: [EventRSVP] = []
        for response in EventRSVP.Response.allCases {
            all += try await scheduler.attendees(of: event.id, occurrence: Self.occurrence, in: community, response: response, limit: 1000, by: .system("test")).items
        }
        let confirmed = all.filter { $0.seat == .confirmed }
        let waitlisted = all.filter { $0.seat == .waitlisted }.sorted { ($0.waitlistNumber ?? 0) < ($1.waitlistNumber ?? 0) }
        #expect(confirmed.count <= capacity, "never oversold")
        #expect(Set(all.map(\.memberID)).count == all.count, "nobody duplicated")
        #expect(all.allSatisfy { ($0.response == .going) == ($0.seat != .none) }, "every going member holds a seat or a place; nobody lost")
        #expect(waitlisted.isEmpty || confirmed.count == capacity, "nobody waits while a seat is free")
        #expect(Set(waitlisted.compactMap(\.waitlistNumber)).count == waitlisted.count, "distinct waitlist places")
        let waitlist = try await scheduler.waitlist(of: event.id, occurrence: Self.occurrence, in: community, limit: 1000, by: .system("test"))
        #expect(waitlist.map(\.memberID) == waitlisted.map(\.memberID), "the waitlist is served in arrival order")
        let counters = try await scheduler.seats(of: event.id, occurrence: Self.occurrence, in: community, by: .system("test"))
        #expect(counters.confirmed == confirmed.count && counters.waitlisted == waitlisted.count, "counters agree with a recount")
    }
}
