import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct RSVPPolicyTests {
    static let key = "2026-02-01T18:00:00"

    static func make(_ policy: CommunityEvent.RSVPPolicy) async throws -> (CommunityFixture, EventScheduler, CommunityEvent, Member) {
        let fixture = try await CommunityFixture.make(members: 2, spaces: 1)
        let guest = try await fixture.memberService.join(fixture.community.id, profile: MemberProfile(handle: "visitor", displayName: "V"), role: .guest)
        let scheduler = EventScheduler(fixture.environment)
        var draft = EventDraft(title: "Open house", start: key, timeZone: "UTC", duration: 3600)
        draft.spaceID = fixture.spaces[0].id
        draft.rsvpPolicy = policy
        draft.hosts = [fixture.members[1].id]
        let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
        return (fixture, scheduler, event, guest)
    }

    @Test func guestsMayRSVPOnlyWhenTheEventOpensToThem() async throws {
        let (f, scheduler, closed, guest) = try await Self.make(.members)
        await #expect(throws: CommunityError.self) {
            try await scheduler.rsvp(to: closed.id, occurrence: Self.key, .going, in: f.community.id, by: .member(guest.id))
        }
        let (g, open, openEvent, visitor) = try await Self.make(.membersAndGuests)
        let answer = try await open.rsvp(to: openEvent.id, occurrence: Self.key, .going, in: g.community.id, by: .member(visitor.id))
        #expect(answer.seat == .confirmed)
    }

    @Test func hostOnlyEventsAreRegisteredByHosts() async throws {
        let (f, scheduler, event, _) = try await Self.make(.hostsOnly)
        let (member, host) = (f.members[0].id, f.members[1].id)
        await #expect(throws: CommunityError.self, "members cannot register themselves") {
            try await scheduler.rsvp(to: event.id, occurrence: Self.key, .going, in: f.community.id, by: .member(member))
        }
        await #expect(throws: CommunityError.self, "members cannot register others") {
            try await scheduler.rsvp(to: event.id, occurrence: Self.key, .going, in: f.community.id, for: host, by: .member(member))
        }
        let registered = try await scheduler.rsvp(to: event.id, occurrence: Self.key, .going, in: f.community.id, for: member, by: .member(host))
        #expect(registered.memberID == member && registered.seat == .confirmed)
        let stored = try await scheduler.event(event.id, in: f.community.id, by: .member(member))
        #expect(stored.rsvpPolicy == .hostsOnly)
    }
}
