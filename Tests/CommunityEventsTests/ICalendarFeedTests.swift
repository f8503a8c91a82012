import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct ICalendarFeedTests {
    @Test func feedHoldsTheOccurrencesAMemberIsGoingTo() async throws {
        let fixture = try await CommunityFixture.make(members: 3, spaces: 1)
        let scheduler = EventScheduler(fixture.environment)
        let community = fixture.community.id
        let owner = Principal.member(fixture.owner.id)
        let ada = fixture.members[0].id
        // The fixture clock stands at 2026-01-01.
        var weekly = EventDraft(title: "Weekly, Paris", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 5400)
        weekly.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
        weekly.spaceID = fixture.spaces[0].id
        let series = try await scheduler.createEvent(in: community, weekly, by: owner)
        let single = try await scheduler.createEvent(
            in: community, EventDraft(title: "One-off", start: "2026-01-20T12:00:00", timeZone: "America/New_York", duration: 3600,
                                      location: .inPerson(address: "1 Swift Way")), by: owner)
        let ignored = try await scheduler.createEvent(
            in: community, EventDraft(title: "Not for Ada", start: "2026-01-08T10:00:00", timeZone: "UTC", duration: 3600), by: owner)

        try await scheduler.rsvp(to: series.id, occurrence: "2026-01-13T18:00:00", .going, in: community, by: .member(ada))
        try await scheduler.rsvp(to: series.id, occurrence: "2026-01-27T18:00:00", .going, in: community, by: .member(ada))
        try await scheduler.rsvp(to: series.id, occurrence: "2026-01-20T18:00:00", .maybe, in: community, by: .member(ada))
        try await scheduler.rsvp(to: series.id, occurrence: "2026-02-03T18:00:00", .going, in: community, by: .member(ada))
        try await scheduler.rsvp(to: series.id, occurrence: "2026-02-03T18:00:00", .notGoing, in: community, by: .member(ada))
        try await scheduler.rsvp(to: single.id, occurrence: "2026-01-20T12:00:00", .going, in: community, by: .member(ada))
        try await scheduler.rsvp(to: ignored.id, occurrence: "2026-01-08T10:00:00", .going, in: community,
                                 by: .member(fixture.members[1].id))
        // Outside the window.
        try await scheduler.rsvp(to: series.id, occurrence: "2026-03-10T18:00:00", .going, in: community, by: .member(ada))

        let from = fixture.clock.now
        let text = try await scheduler.calendarFeed(for: ada, in: community, from: from, to: from.addingTimeInterval(45 * 86_400))
        let events = try ICalendar().events(from: text)
        #expect(events.map(\.draft.title) == ["Weekly, Paris", "One-off", "Weekly, Paris"])
        #expect(events.map(\.uid) == ["\(series.id)@communitykit", "\(single.id)@communitykit", "\(series.id)@communitykit"])
        #expect(events.map(\.recurrenceID) == ["2026-01-13T18:00:00", nil, "2026-01-27T18:00:00"])
        #expect(events.map(\.draft.start) == ["2026-01-13T18:00:00", "2026-01-20T12:00:00", "2026-01-27T18:00:00"])
        #expect(events.allSatisfy { $0.draft.recurrenceRule == nil }, "an occurrence is written alone")
        let lines = ICalendarText.unfold(text)
        #expect(lines.contains("RECURRENCE-ID;TZID=Europe/Paris:20260113T180000"))
        #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 2)
        #expect(lines.contains("DTSTAMP:20260101T000000Z"))

        let other = try await scheduler.calendarFeed(for: fixture.members[2].id, in: community, from: from,
                                                     to: from.addingTimeInterval(45 * 86_400))
        #expect(try ICalendar().events(from: other).isEmpty)
    }

    @Test func feedRejectsBadWindows() async throws {
        let fixture = try await CommunityFixture.make(members: 1, spaces: 0)
        let scheduler = EventScheduler(fixture.environment)
        let now = fixture.clock.now
        await #expect(throws: CommunityError.self) {
            try await scheduler.calendarFeed(for: fixture.members[0].id, in: fixture.community.id, from: now, to: now)
        }
        await #expect(throws: CommunityError.self) {
            try await scheduler.calendarFeed(for: fixture.members[0].id, in: fixture.community.id, from: now,
                                             to: now.addingTimeInterval(500 * 86_400))
        }
    }
}

extension ICalendarFeedTests {
    @Test func feedAndExportApplyOccurrenceOverrides() async throws {
        let fixture = try await CommunityFixture.make(members: 1, spaces: 0)
        let scheduler = EventScheduler(fixture.environment)
        let community = fixture.community.id
        let owner = Principal.member(fixture.owner.id)
        let ada = fixture.members[0].id
        var weekly = EventDraft(title: "Weekly", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 3600)
        weekly.recurrenceRule = "FREQ=WEEKLY;COUNT=4"
        let series = try await scheduler.createEvent(in: community, weekly, by: owner)
        for key in ["2026-01-06T18:00:00", "2026-01-13T18:00:00", "2026-01-20T18:00:00"] {
            try await scheduler.rsvp(to: series.id, occurrence: key, .going, in: community, by: .member(ada))
        }
        try await scheduler.cancel(series.id, occurrence: "2026-01-13T18:00:00", in: community, by: owner)
        try await scheduler.reschedule(series.id, occurrence: "2026-01-20T18:00:00", in: community, start: "2026-01-21T19:30:00",
                                       title: "Weekly (moved)", by: owner)

        let now = fixture.clock.now
        let feed = try ICalendar().events(from: try await scheduler.calendarFeed(for: ada, in: community, from: now,
                                                                                 to: now.addingTimeInterval(60 * 86_400)))
        #expect(feed.map(\.recurrenceID) == ["2026-01-06T18:00:00", "2026-01-13T18:00:00", "2026-01-20T18:00:00"])
        #expect(feed.map(\.status) == [.scheduled, .cancelled, .scheduled])
        #expect(feed.map(\.draft.start) == ["2026-01-06T18:00:00", "2026-01-13T18:00:00", "2026-01-21T19:30:00"])
        #expect(feed.map(\.draft.title) == ["Weekly", "Weekly", "Weekly (moved)"])

        let export = try ICalendar().events(from: try await scheduler.exportCalendar(of: series.id, in: community, by: .member(ada)))
        #expect(export.count == 3, "the series, then one VEVENT per override")
        #expect(export.map(\.uid) == Array(repeating: "\(series.id)@communitykit", count: 3))
        #expect(export[0].recurrenceID == nil)
        #expect(export[0].draft.recurrenceRule == "FREQ=WEEKLY;COUNT=4")
        #expect((export[1].recurrenceID, export[1].status) == ("2026-01-13T18:00:00", .cancelled))
        #expect((export[2].recurrenceID, export[2].draft.start, export[2].draft.title)
            == ("2026-01-20T18:00:00", "2026-01-21T19:30:00", "Weekly (moved)"))
        #expect(export[2].draft.duration == 3600)
    }

    @Test func aSingleSessionsOverrideChangesItsOneVEvent() async throws {
        let fixture = try await CommunityFixture.make(members: 1, spaces: 0)
        let scheduler = EventScheduler(fixture.environment)
        let community = fixture.community.id
        let owner = Principal.member(fixture.owner.id)
        let event = try await scheduler.createEvent(
            in: community, EventDraft(title: "Once", start: "2026-02-10T18:00:00", timeZone: "Europe/Paris", duration: 3600), by: owner)
        try await scheduler.cancel(event.id, occurrence: "2026-02-10T18:00:00", in: community, by: owner)
        let text = try await scheduler.exportCalendar(of: event.id, in: community, by: owner)
        let events = try ICalendar().events(from: text)
        #expect(events.count == 1)
        #expect((events.first?.recurrenceID, events.first?.status) == (nil, .cancelled))
    }
}
