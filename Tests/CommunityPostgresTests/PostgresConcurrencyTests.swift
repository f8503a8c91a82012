#if Postgres
import CommunityCore
import CommunityEvents
import CommunityPostgres
import Foundation
import Testing

/// The RSVP storm on PostgreSQL: 10,000 concurrent RSVPs through 8 connections never oversell.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresConcurrencyTests {
    static let occurrence = "2030-01-01T18:00:00"

    @Test func tenThousandConcurrentRSVPsFromEightConnectionsNeverOversell() async throws {
        try await RunningStores.with { stores in
            let store = try await stores.make(PostgresTestServer.configuration(poolSize: 8))
            let environment = CommunityEnvironment(store: store)
            let created = try await CommunityService(environment).createCommunity(
                name: "Storm", slug: "storm", owner: MemberProfile(handle: "host", displayName: "Host"))
            let community = created.community.id
            var members: [MemberID] = []
            for batch in stride(from: 0, to: 10_000, by: 2_000) {
                let now = Date()
                let chunk = (batch..<batch + 2_000).map { index in
                    Member(id: environment.ids.next(at: now), communityID: community, handle: "m\(index)", displayName: "Member \(index)",
                           joinedAt: now)
                }
                try await store.write { tx in for member in chunk { try await tx.insert(member) } }
                members += chunk.map(\.id)
            }
            let scheduler = EventScheduler(environment)
            var draft = EventDraft(title: "Launch", start: Self.occurrence, timeZone: "UTC", duration: 3600)
            draft.capacity = 100
            let event = try await scheduler.createEvent(in: community, draft, by: .member(created.owner.id))
            let rsvps = try await withThrowingTaskGroup(of: EventRSVP.self) { group in
                for member in members {
                    group.addTask { try await scheduler.rsvp(to: event.id, occurrence: Self.occurrence, .going, in: community, by: .member(member)) }
                }
                return try await group.reduce(into: [EventRSVP]()) { $0.append($1) }
            }
            #expect(rsvps.filter { $0.seat == .confirmed }.count == 100)
            #expect(rsvps.filter { $0.seat == .waitlisted }.count == 9_900)
            #expect(Set(rsvps.compactMap(\.waitlistNumber)) == Set(1...9_900), "every waitlisted member has a distinct place")
            let counters = try await scheduler.seats(of: event.id, occurrence: Self.occurrence, in: community, by: .system("test"))
            #expect((counters.confirmed, counters.waitlisted) == (100, 9_900))
            let stored = try await store.read { tx in
                try await tx.activities(in: community, after: 0, limit: 20_000)
            }
            // One activity per RSVP, none lost or doubled by the retries of serialization failures.
            let recorded = stored.filter { $0.verb == .rsvpChanged }
            #expect(recorded.count == 10_000, "one activity per RSVP")
            #expect(recorded.filter { $0.payload["seat"] == "confirmed" }.count == 100)
        }
    }
}
#endif
