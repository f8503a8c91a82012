import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct EventQueryTests {
    @Test func calendarAndUpcomingShowOnlyWhatTheMemberCanSee() async throws {
        let fixture = try await CommunityFixture.make(members: 2, spaces: 2, visibilities: [.public, .secret])
        let scheduler = EventScheduler(fixture.environment)
        let community = fixture.community.id
        let owner = Principal.member(fixture.owner.id)
        func event(_ title: String, _ start: String, space: SpaceID?, rule: String? = nil) async throws -> CommunityEvent {
            var draft = EventDraft(title: title, start: start, timeZone: "Europe/Paris", duration: 3600)
            draft.spaceID = space
            draft.recurrenceRule = rule
            return try await scheduler.createEvent(in: community, draft, by: owner)
        }
        let weekly = try await event("Weekly", "2026-01-06T18:00:00", space: fixture.spaces[0].id, rule: "FREQ=WEEKLY;COUNT=4")
        let townHall = try await event("Town hall", "2026-01-08T12:00:00", space: nil)
        let secret = try await event("Staff only", "2026-01-07T09:00:00", space: fixture.spaces[1].id)
        let member = fixture.members[0].id
        try await scheduler.rsvp(to: weekly.id, occurrence: "2026-01-13T18:00:00", .going, in: community, by: .member(member))

        let upcoming = try await scheduler.upcoming(for: member, in: community, limit: 4)
        #expect(upcoming.map(\.event.title) == ["Weekly", "Town hall", "Weekly", "Weekly"], "soonest first, secret space hidden")
        #expect(upcoming[2].myResponse?.response == .going, "the member's own answer")
        #expect(upcoming[0].myResponse == nil)

        let window = try await scheduler.calendar(in: community, from: ManualClock.epoch, to: ManualClock.epoch.addingTimeInterval(14 * 86_400), by: owner)
        #expect(Set(window.map(\.event.id)) == [weekly.id, townHall.id, secret.id], "the owner sees every space")
        let spaceOnly = try await scheduler.calendar(in: community, space: fixture.spaces[0].id, from: .distantPast, to: .distantFuture, by: .member(member))
        #expect(spaceOnly.count == 4 && spaceOnly.allSatisfy { $0.event.id == weekly.id })
        await #expect(throws: CommunityError.self) {
            try await scheduler.calendar(in: community, space: fixture.spaces[1].id, from: .distantPast, to: .distantFuture, by: .member(member))
        }
        fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-20T00:00:00Z")!)
        let later = try await scheduler.upcoming(for: member, in: community)
        #expect(later.map(\.occurrence.key) == ["2026-01-20T18:00:00", "2026-01-27T18:00:00"], "past occurrences drop out")
    }
}

struct FixedRooms: LiveRoomProvider {
    func joinURL(for event: CommunityEvent, occurrence: EventOccurrence, member: MemberID) async throws -> URL {
        URL(string: "https://rooms.example.com/\(event.id)/\(occurrence.key)?member=\(member)")!
    }
}

@Suite struct JoinURLTests {
    @Test func onlyHostsAndConfirmedMembersGetTheRoom() async throws {
        let fixture = try await CommunityFixture.make(members: 3, spaces: 0)
        let scheduler = EventScheduler(fixture.environment)
        let community = fixture.community.id
        var draft = EventDraft(title: "Webinar", start: "2026-02-01T18:00:00", timeZone: "UTC", duration: 3600, format: .webinar)
        draft.capacity = 1
        let event = try await scheduler.createEvent(in: community, draft, by: .member(fixture.owner.id))
        let key = "2026-02-01T18:00:00"
        try await scheduler.rsvp(to: event.id, occurrence: key, .going, in: community, by: .member(fixture.members[0].id))
        try await scheduler.rsvp(to: event.id, occurrence: key, .going, in: community, by: .member(fixture.members[1].id))
        let url = try await scheduler.joinURL(for: event.id, occurrence: key, in: community, rooms: FixedRooms(), by: .member(fixture.members[0].id))
        #expect(url.absoluteString.hasPrefix("https://rooms.example.com/\(event.id)/"))
        _ = try await scheduler.joinURL(for: event.id, occurrence: key, in: community, rooms: FixedRooms(), by: .member(fixture.owner.id))
        await #expect(throws: CommunityError.self, "waitlisted") {
            try await scheduler.joinURL(for: event.id, occurrence: key, in: community, rooms: FixedRooms(), by: .member(fixture.members[1].id))
        }
        await #expect(throws: CommunityError.self, "no provider and no stored URL") {
            try await scheduler.joinURL(for: event.id, occurrence: key, in: community, by: .member(fixture.members[0].id))
        }
    }
}
