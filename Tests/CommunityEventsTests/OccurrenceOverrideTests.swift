import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct OccurrenceOverrideTests {
    struct World {
        let fixture: CommunityFixture
        let scheduler: EventScheduler
        let event: CommunityEvent
        var community: CommunityID { fixture.community.id }
        var host: Principal { .member(fixture.owner.id) }

        /// Tuesdays 18:00 Paris, 6 times from 2026-01-06.
        static func make(count: Int = 6) async throws -> World {
            let fixture = try await CommunityFixture.make(members: 3, spaces: 0)
            let scheduler = EventScheduler(fixture.environment)
            var draft = EventDraft(title: "Study group", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 3600)
            draft.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=\(count)"
            draft.capacity = 10
            let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
            return World(fixture: fixture, scheduler: scheduler, event: event)
        }

        func keys(_ id: EventID? = nil) async throws -> [String] {
            try await scheduler.occurrences(of: id ?? event.id, in: community, from: .distantPast, to: .distantFuture, by: host).map(\.key)
        }
    }

    @Test func aCancelledOccurrenceIsMarkedAndRefusesRSVPs() async throws {
        let w = try await World.make()
        try await w.scheduler.cancel(w.event.id, occurrence: "2026-01-13T18:00:00", in: w.community, by: w.host)
        let all = try await w.scheduler.occurrences(of: w.event.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.host)
        #expect(all.filter(\.isCancelled).map(\.key) == ["2026-01-13T18:00:00"])
        let calendar = try await w.scheduler.calendar(in: w.community, from: .distantPast, to: .distantFuture, by: w.host)
        #expect(!calendar.contains { $0.occurrence.key == "2026-01-13T18:00:00" }, "calendars leave it out")
        await #expect(throws: CommunityError.self) {
            try await w.scheduler.rsvp(to: w.event.id, occurrence: "2026-01-13T18:00:00", .going, in: w.community, by: .member(w.fixture.members[0].id))
        }
        await #expect(throws: CommunityError.self, "members cannot cancel") {
            try await w.scheduler.cancel(w.event.id, occurrence: "2026-01-20T18:00:00", in: w.community, by: .member(w.fixture.members[0].id))
        }
    }

    @Test func aMovedOccurrenceKeepsItsKeyRSVPsAndListsAtItsNewTime() async throws {
        let w = try await World.make()
        let key = "2026-01-20T18:00:00"
        let ada = Principal.member(w.fixture.members[0].id)
        try await w.scheduler.rsvp(to: w.event.id, occurrence: key, .going, in: w.community, by: ada)
        try await w.scheduler.reschedule(w.event.id, occurrence: key, in: w.community, start: "2026-01-22T19:30:00", duration: 5400,
                                         title: "Study group (Thursday)", by: w.host)
        let moved = try #require(try await w.scheduler.occurrences(of: w.event.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.host)
            .first { $0.key == key })
        #expect(moved.start == ISO8601DateFormatter().date(from: "2026-01-22T18:30:00Z"))
        #expect(moved.end.timeIntervalSince(moved.start) == 5400)
        #expect(moved.override?.title == "Study group (Thursday)")
        let window = try await w.scheduler.calendar(in: w.community, from: ISO8601DateFormatter().date(from: "2026-01-21T00:00:00Z")!,
                                                    to: ISO8601DateFormatter().date(from: "2026-01-23T00:00:00Z")!, by: w.host)
        #expect(window.map(\.occurrence.key) == [key], "a window around the new date finds the moved occurrence")
        let seats = try await w.scheduler.seats(of: w.event.id, occurrence: key, in: w.community, by: w.host)
        #expect(seats.confirmed == 1, "the RSVP stays attached")
        await #expect(throws: CommunityError.self) {
            try await w.scheduler.reschedule(w.event.id, occurrence: key, in: w.community, start: "next week", by: w.host)
        }
    }

    @Test func splittingThisAndFollowingEndsTheSeriesAndMovesItsRSVPs() async throws {
        let w = try await World.make(count: 6)
        let ada = Principal.member(w.fixture.members[0].id)
        try await w.scheduler.rsvp(to: w.event.id, occurrence: "2026-01-27T18:00:00", .going, in: w.community, by: ada)
        try await w.scheduler.rsvp(to: w.event.id, occurrence: "2026-01-13T18:00:00", .going, in: w.community, by: ada)
        let (original, following) = try await w.scheduler.splitSeries(
            w.event.id, at: "2026-01-20T18:00:00", in: w.community, changes: SeriesChanges(title: "Study group v2", timeOfDay: "19:00:00"), by: w.host)
        #expect(try await w.keys(original.id) == ["2026-01-06T18:00:00", "2026-01-13T18:00:00"])
        #expect(try await w.keys(following.id) == ["2026-01-20T19:00:00", "2026-01-27T19:00:00", "2026-02-03T19:00:00", "2026-02-10T19:00:00"],
                "COUNT continues: 6 in all")
        #expect(following.title == "Study group v2" && original.title == "Study group")
        #expect(try await w.scheduler.seats(of: following.id, occurrence: "2026-01-27T19:00:00", in: w.community, by: w.host).confirmed == 1,
                "the RSVP moved with its occurrence")
        #expect(try await w.scheduler.seats(of: original.id, occurrence: "2026-01-13T18:00:00", in: w.community, by: w.host).confirmed == 1,
                "earlier RSVPs stay")
        await #expect(throws: CommunityError.self, "the first occurrence is not a split point") {
            try await w.scheduler.splitSeries(original.id, at: "2026-01-06T18:00:00", in: w.community, changes: SeriesChanges(), by: w.host)
        }
    }

    @Test func remindersFollowAMoveAndSkipACancellation() async throws {
        let w = try await World.make(count: 2)
        let ada = Principal.member(w.fixture.members[0].id)
        for key in ["2026-01-06T18:00:00", "2026-01-13T18:00:00"] {
            try await w.scheduler.rsvp(to: w.event.id, occurrence: key, .going, in: w.community, by: ada)
        }
        try await w.scheduler.cancel(w.event.id, occurrence: "2026-01-06T18:00:00", in: w.community, by: w.host)
        try await w.scheduler.reschedule(w.event.id, occurrence: "2026-01-13T18:00:00", in: w.community, start: "2026-01-14T18:00:00", by: w.host)
        let delivery = RecordingDelivery()
        let runner = ReminderRunner(w.fixture.environment, delivery: delivery)
        w.fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-05T17:00:00Z")!)
        #expect(try await runner.deliverDueReminders(in: w.community).isEmpty, "the cancelled occurrence gets no reminder")
        w.fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-12T17:00:00Z")!)
        #expect(try await runner.deliverDueReminders(in: w.community).isEmpty, "not due: the occurrence moved a day later")
        w.fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-13T17:00:00Z")!)
        #expect(try await runner.deliverDueReminders(in: w.community).map(\.occurrence.key) == ["2026-01-13T18:00:00"])
    }
}
