import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct ICalendarImportTests {
    /// A calendar around VEVENT lines, CRLF-ended; the VEVENT's first property is on line 3.
    static func calendar(_ event: [String]) -> String {
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT"] + event + ["END:VEVENT", "END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        var kind: String
        var text: String
        var line: Int
        var mentions: String
        var testDescription: String { kind }
    }

    static let malformed: [Malformed] = [
        Malformed(kind: "missing END:VEVENT", text: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260303T170000Z\r\nEND:VCALENDAR\r\n",
                  line: 2, mentions: "END:VEVENT"),
        Malformed(kind: "missing END:VCALENDAR", text: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", line: 1, mentions: "END:VCALENDAR"),
        Malformed(kind: "END without BEGIN", text: "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", line: 2, mentions: "no matching BEGIN:VEVENT"),
        Malformed(kind: "bad date", text: calendar(["SUMMARY:x", "DTSTART;TZID=Europe/Paris:20260230T180000"]), line: 4, mentions: "day 30"),
        Malformed(kind: "bad date form", text: calendar(["DTSTART:2026-03-03T18:00:00"]), line: 3, mentions: "DTSTART"),
        Malformed(kind: "unknown TZID", text: calendar(["DTSTART;TZID=Mars/Olympus_Mons:20260303T180000"]), line: 3, mentions: "Mars/Olympus_Mons"),
        Malformed(kind: "invalid RRULE", text: calendar(["DTSTART:20260303T170000Z", "UID:1", "RRULE:FREQ=WEEKLY;BYDAY=XX"]), line: 5,
                  mentions: "BYDAY"),
        Malformed(kind: "RRULE with an unknown part", text: calendar(["DTSTART:20260303T170000Z", "RRULE:FREQ=WEEKLY;BYFORTNIGHT=1"]),
                  line: 4, mentions: "BYFORTNIGHT"),
        Malformed(kind: "property without a colon", text: calendar(["DTSTART:20260303T170000Z", "SUMMARY Swift meetup"]), line: 4,
                  mentions: "':'"),
        Malformed(kind: "VEVENT without DTSTART", text: calendar(["SUMMARY:No start"]), line: 2, mentions: "DTSTART"),
        Malformed(kind: "bad EXDATE", text: calendar(["DTSTART:20260303T170000Z", "EXDATE:20261301T170000Z"]), line: 4, mentions: "month 13"),
        Malformed(kind: "bad DURATION", text: calendar(["DTSTART:20260303T170000Z", "DURATION:P1M"]), line: 4, mentions: "DURATION"),
        Malformed(kind: "DTEND before DTSTART", text: calendar(["DTSTART:20260303T170000Z", "DTEND:20260303T160000Z"]), line: 4,
                  mentions: "before"),
        Malformed(kind: "unclosed quoted parameter", text: calendar(["DTSTART;TZID=\"Europe/Paris:20260303T180000"]), line: 3,
                  mentions: "quoted"),
        Malformed(kind: "line numbers count physical lines across folds",
                  text: calendar(["SUMMARY:a long", "  folded", "  summary", "DTSTART:20260303T250000Z"]), line: 6, mentions: "hour 25"),
        Malformed(kind: "not a calendar", text: "hello\r\n", line: 1, mentions: "':'"),
        Malformed(kind: "empty input", text: "", line: 1, mentions: "VCALENDAR"),
    ]

    @Test(arguments: malformed)
    func malformedInputNamesItsLine(_ sample: Malformed) {
        do {
            let events = try ICalendar().events(from: sample.text)
            Issue.record("\(sample.kind) was accepted: \(events)")
        } catch let error as CommunityError {
            #expect(error.code == .invalidInput)
            #expect(error.field == "line \(sample.line)", "\(error.message)")
            #expect(error.message.hasPrefix("line \(sample.line): "), "\(error.message)")
            #expect(error.message.contains(sample.mentions), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsAnotherProducersEvent() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Other//Calendar//EN\r
            BEGIN:VTIMEZONE\r
            TZID:Europe/Berlin\r
            BEGIN:STANDARD\r
            DTSTART:19701025T030000\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            END:STANDARD\r
            END:VTIMEZONE\r
            BEGIN:VEVENT\r
            UID:abc-123@other.example\r
            X-UNKNOWN;FOO=bar:ignored\r
            DTSTART;TZID="Europe/Berlin";X-P="a;b:c,d":20260310T190000\r
            DURATION:PT1H30M\r
            SUMMARY:Swift\\, Vapor\\; Hummingbird\r
            DESCRIPTION:Line one\\nLine two\r
            RRULE:freq=weekly;byday=tu;count=4\r
            EXDATE:20260317T180000Z\r
            RDATE;VALUE=PERIOD;TZID=America/New_York:20260401T140000/PT1H\r
            STATUS:CANCELLED\r
            SEQUENCE:7\r
            BEGIN:VALARM\r
            TRIGGER:-PT15M\r
            DESCRIPTION:Alarm text is not the event's\r
            END:VALARM\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let events = try ICalendar().events(from: text)
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.uid == "abc-123@other.example")
        #expect(event.status == .cancelled)
        #expect(event.sequence == 7)
        #expect(event.line == 12)
        #expect(event.draft.title == "Swift, Vapor; Hummingbird")
        #expect(event.draft.description == "Line one\nLine two")
        #expect(event.draft.start == "2026-03-10T19:00:00")
        #expect(event.draft.timeZone == "Europe/Berlin")
        #expect(event.draft.duration == 5400)
        #expect(event.draft.recurrenceRule == "FREQ=WEEKLY;COUNT=4;BYDAY=TU")
        #expect(event.draft.exceptionDates == ["2026-03-17T19:00:00"], "a UTC EXDATE is converted to the start's zone")
        #expect(event.draft.recurrenceDates == ["2026-04-01T20:00:00"], "14:00 New York is 20:00 Berlin")
        #expect(event.draft.location == .online(joinURL: nil))
    }

    @Test func readsUTCFloatingAndAllDayStarts() throws {
        let utc = try ICalendar().events(from: Self.calendar(["DTSTART:20260303T170000Z", "DTEND:20260303T180000Z"]))
        #expect(utc.first?.draft.timeZone == "UTC")
        #expect(utc.first?.draft.start == "2026-03-03T17:00:00")
        #expect(utc.first?.draft.duration == 3600)

        let reader = ICalendar(defaultTimeZone: "Europe/Paris")
        let floating = try reader.events(from: Self.calendar(["DTSTART:20260303T180000", "DURATION:PT45M"]))
        #expect(floating.first?.draft.timeZone == "Europe/Paris")
        #expect(floating.first?.draft.start == "2026-03-03T18:00:00")
        #expect(floating.first?.draft.duration == 2700)

        let allDay = try reader.events(from: Self.calendar(["DTSTART;VALUE=DATE:20260303", "DTEND;VALUE=DATE:20260305"]))
        #expect(allDay.first?.isAllDay == true)
        #expect(allDay.first?.draft.start == "2026-03-03T00:00:00")
        #expect(allDay.first?.draft.duration == TimeInterval(2 * 86_400))
    }

    @Test func aDateExdateOfATimedSeriesExcludesThatDay() throws {
        let text = Self.calendar(["DTSTART;TZID=Europe/Paris:20260303T180000", "RRULE:FREQ=WEEKLY;COUNT=4",
                                  "EXDATE;VALUE=DATE:20260310,20260317"])
        #expect(try ICalendar().events(from: text).first?.draft.exceptionDates == ["2026-03-10T18:00:00", "2026-03-17T18:00:00"])
    }

    @Test func ignoresUnknownPropertiesAndComponents() throws {
        let text = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Mine\r\nBEGIN:VTODO\r\nDTSTART:garbage-is-not-read\r\nEND:VTODO\r\n"
            + "BEGIN:VEVENT\r\nDTSTART:20260303T170000Z\r\nCATEGORIES:a,b\r\nGEO:48.85;2.35\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let events = try ICalendar().events(from: text)
        #expect(events.count == 1)
    }

    @Test func importedDraftsCreateEvents() async throws {
        let fixture = try await CommunityFixture.make(members: 1, spaces: 0)
        let scheduler = EventScheduler(fixture.environment)
        let text = Self.calendar(["DTSTART;TZID=Europe/Paris:20260303T180000", "DTEND;TZID=Europe/Paris:20260303T193000",
                                  "SUMMARY:Imported", "RRULE:FREQ=WEEKLY;COUNT=3"])
        let draft = try #require(try ICalendar().events(from: text).first).draft
        let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
        let occurrences = try await scheduler.occurrences(of: event.id, in: fixture.community.id, from: .distantPast,
                                                          to: .distantFuture, by: .member(fixture.owner.id))
        #expect(occurrences.map(\.key) == ["2026-03-03T18:00:00", "2026-03-10T18:00:00", "2026-03-17T18:00:00"])
    }
}
