import CommunityCore
import CommunityEvents
import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Occurrence overrides (cancel, reschedule, split "this and following") on SQLite give exactly
/// what they give in memory: the same scenario runs on both stores and every outcome is compared.
@Suite struct SQLiteOccurrenceOverrideTests {
    struct Outcome: Equatable {
        var original: CommunityEvent
        var following: CommunityEvent
        var occurrences: [EventOccurrence]
        var followingOccurrences: [EventOccurrence]
        var calendar: [ScheduledOccurrence]
        var overrides: [OccurrenceOverride]
        var followingOverrides: [OccurrenceOverride]
        var movedAnswers: [EventRSVP]
        var movedSeats: OccurrenceSeats?
        var cancelledRSVP: CommunityError.Code?
        var foreignOverride: String?
    }

    static func scenario(on store: any CommunityStore) async throws -> Outcome {
        let fixture = try await CommunityFixture.make(members: 4, spaces: 0, store: store)
        let community = fixture.community.id
        let host = Principal.member(fixture.owner.id)
        let scheduler = EventScheduler(fixture.environment)
        var draft = EventDraft(title: "Study group", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 3600)
        draft.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=8"
        draft.capacity = 2
        let event = try await scheduler.createEvent(in: community, draft, by: host)
        for index in 0..<3 {
            try await scheduler.rsvp(to: event.id, occurrence: "2026-02-10T18:00:00", .going, in: community, by: .member(fixture.members[index].id))
        }
        try await scheduler.cancel(event.id, occurrence: "2026-01-13T18:00:00", in: community, by: host)
        try await scheduler.reschedule(event.id, occurrence: "2026-01-20T18:00:00", in: community, start: "2026-01-21T19:30:00", duration: 5400,
                                       title: "Study group (moved)", description: "Room change",
                                       location: .hybrid(address: "Salle B", joinURL: URL(string: "https://example.com/room-b")), by: host)
        try await scheduler.reschedule(event.id, occurrence: "2026-02-17T18:00:00", in: community, title: "Last one", by: host)
        var cancelledRSVP: CommunityError.Code?
        do {
            _ = try await scheduler.rsvp(to: event.id, occurrence: "2026-01-13T18:00:00", .going, in: community, by: .member(fixture.members[3].id))
        } catch let error as CommunityError { cancelledRSVP = error.code }
        let (original, following) = try await scheduler.splitSeries(
            event.id, at: "2026-02-03T18:00:00", in: community, changes: SeriesChanges(title: "Study group, spring", timeOfDay: "19:00:00"), by: host)

        let foreign = OccurrenceOverride(eventID: event.id, communityID: CommunityID(high: 3, low: 3), occurrence: "2026-01-27T18:00:00",
                                         isCancelled: true, updatedAt: fixture.clock.now)
        var foreignOverride: String?
        do {
            try await store.write { tx in try await #require(tx as? any OverrideWriteTransaction).upsert(foreign) }
        } catch let error as CommunityError { foreignOverride = "\(error.code) \(error.field ?? "-")" }

        let stored = try await store.read { tx in
            let overrides = try #require(tx as? any OverrideReadTransaction)
            return (
                try await overrides.overrides(of: event.id), try await overrides.overrides(of: following.id),
                try await overrides.rsvps(to: following.id, occurrence: "2026-02-10T19:00:00", response: .going, after: nil, limit: 10),
                try await overrides.seats(of: following.id, occurrence: "2026-02-10T19:00:00")
            )
        }
        return Outcome(
            original: original, following: following,
            occurrences: try await scheduler.occurrences(of: event.id, in: community, from: .distantPast, to: .distantFuture, by: host),
            followingOccurrences: try await scheduler.occurrences(of: following.id, in: community, from: .distantPast, to: .distantFuture, by: host),
            calendar: try await scheduler.calendar(in: community, from: .distantPast, to: .distantFuture, by: host),
            overrides: stored.0, followingOverrides: stored.1, movedAnswers: stored.2, movedSeats: stored.3, cancelledRSVP: cancelledRSVP,
            foreignOverride: foreignOverride)
    }

    @Test func overridesMatchTheInMemoryReference() async throws {
        let folder = try TemporaryFolder()
        let sqlite = try await Self.scenario(on: try SQLiteCommunityStore(path: folder.path()))
        let memory = try await Self.scenario(on: InMemoryCommunityStore())
        #expect(sqlite == memory)
        #expect(sqlite.overrides.map(\.occurrence) == ["2026-01-13T18:00:00", "2026-01-20T18:00:00", "2026-02-17T18:00:00"])
        #expect(sqlite.overrides[1].location == .hybrid(address: "Salle B", joinURL: URL(string: "https://example.com/room-b")))
        #expect(sqlite.followingOverrides.map(\.occurrence) == ["2026-02-17T19:00:00"], "the override moved with its occurrence")
        #expect(sqlite.movedAnswers.count == 3 && sqlite.movedAnswers.filter { $0.seat == .confirmed }.count == 2, "the answers moved")
        #expect(sqlite.movedSeats.map { [$0.confirmed, $0.waitlisted] } == [2, 1])
        #expect(sqlite.cancelledRSVP == .forbidden)
        #expect(sqlite.foreignOverride == "notFound event")
        #expect(sqlite.occurrences.filter(\.isCancelled).map(\.key) == ["2026-01-13T18:00:00"])
    }
}
