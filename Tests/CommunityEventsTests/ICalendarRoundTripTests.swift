import CommunityCore
import CommunityEvents
import Foundation
import Testing

@Suite struct ICalendarRoundTripTests {
    static let stamp = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static func event(
        _ number: UInt64, title: String, start: String, zone: String, duration: TimeInterval = 3600, rule: String? = nil,
        rdates: [String] = [], exdates: [String] = [], location: CommunityEvent.Location, description: String = "",
        format: CommunityEvent.Format = .meetup, status: CommunityEvent.Status = .scheduled
    ) -> CommunityEvent {
        CommunityEvent(
            id: EventID(high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0000 | number), communityID: CommunityID(high: 1, low: 1),
            spaceID: nil, title: title, description: description, hosts: [MemberID(high: 2, low: 2)], format: format,
            location: location, start: start, timeZoneIdentifier: zone, duration: duration, recurrenceRule: rule,
            recurrenceDates: rdates, exceptionDates: exdates, status: status, createdBy: .system("test"), createdAt: stamp)
    }

    static let longDescription = """
        Ένα μεγάλο καλωσόρισμα — 欢迎来到我们的聚会！ We meet at 18:00; bring laptops, chargers & questions.
        Agenda:\tintro, talks, Q&A — 😀👩‍👩‍👧 ✨ \\ backslashes \\n stay literal; commas, too.
        """ + String(repeating: " Ça déborde, ligne après ligne; café ☕️.", count: 12)

    static let events: [CommunityEvent] = [
        event(1, title: "Swift on the server", start: "2026-03-03T18:00:00", zone: "Europe/Paris", duration: 5400,
              rule: "FREQ=WEEKLY;COUNT=10;BYDAY=TU", exdates: ["2026-03-17T18:00:00", "2026-04-07T18:00:00"],
              location: .online(joinURL: URL(string: "https://meet.example.com/swift?room=1&lang=fr"))),
        event(2, title: "Standup, daily; across DST", start: "2026-03-01T09:30:00", zone: "America/New_York", duration: 900,
              rule: "FREQ=DAILY;COUNT=20", location: .inPerson(address: "12 Main St., Suite 4; Floor 2 \\ back door"),
              format: .workshop),
        event(3, title: "Tokyo extras", start: "2026-04-01T19:00:00", zone: "Asia/Tokyo", duration: 7200,
              rdates: ["2026-05-01T19:00:00", "2026-06-01T19:30:00"],
              location: .hybrid(address: "渋谷区 1-2-3", joinURL: URL(string: "https://live.example.jp/e/3")), format: .conference),
        event(4, title: "Last Friday", start: "2026-01-30T17:00:00", zone: "UTC", duration: 3600,
              rule: "FREQ=MONTHLY;UNTIL=20261231T000000Z;BYDAY=-1FR", location: .hybrid(address: "Café Zoë", joinURL: nil),
              description: longDescription, format: .qaSession, status: .cancelled),
        event(5, title: "Lord Howe (30-minute DST)", start: "2026-10-04T01:45:00", zone: "Australia/Lord_Howe", duration: 60,
              rule: "FREQ=YEARLY;COUNT=3", location: .online(joinURL: nil), format: .webinar),
    ]

    @Test(arguments: events)
    func exportThenImportGivesTheSameDraft(event: CommunityEvent) throws {
        let text = try ICalendar().export(event, stamp: Self.stamp, sequence: 3)
        let imported = try ICalendar().events(from: text)
        try #require(imported.count == 1)
        let back = imported[0]
        #expect(back.uid == "\(event.id)@communitykit")
        #expect(back.status == event.status)
        #expect(back.sequence == 3)
        #expect(back.recurrenceID == nil)
        let draft = back.draft
        #expect(draft.title == event.title)
        #expect(draft.description == event.description)
        #expect(draft.start == event.start)
        #expect(draft.timeZone == event.timeZoneIdentifier)
        #expect(draft.duration == event.duration)
        #expect(draft.recurrenceRule == event.recurrenceRule)
        #expect(draft.recurrenceDates == event.recurrenceDates)
        #expect(draft.exceptionDates == event.exceptionDates)
        #expect(draft.location == event.location)
        #expect(draft.format == event.format)
    }

    @Test(arguments: events)
    func exportIsCRLFFoldedAndComplete(event: CommunityEvent) throws {
        let text = try ICalendar().export(event, stamp: Self.stamp)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "every line ends in CRLF")
        }
        let physical = text.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        let lines = ICalendarText.unfold(text)
        for required in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CommunityKit//CommunityEvents//EN", "CALSCALE:GREGORIAN",
                         "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:\(event.id)@communitykit", "DTSTAMP:20260101T000000Z",
                         "SEQUENCE:0", "END:VEVENT"] {
            #expect(lines.contains(required), "\(required)")
        }
        #expect(lines.contains("STATUS:" + (event.status == .cancelled ? "CANCELLED" : "CONFIRMED")))
        let vtimezones = lines.filter { $0 == "BEGIN:VTIMEZONE" }.count
        #expect(vtimezones == (event.timeZoneIdentifier == "UTC" ? 0 : 1))
        if event.timeZoneIdentifier != "UTC" { #expect(lines.contains("TZID:\(event.timeZoneIdentifier)")) }
    }

    @Test func weeklyParisSeriesReadsLikeOtherCalendarsExpect() throws {
        let text = try ICalendar().export(Self.events[0], stamp: Self.stamp)
        let lines = ICalendarText.unfold(text)
        #expect(lines.contains("DTSTART;TZID=Europe/Paris:20260303T180000"))
        #expect(lines.contains("DTEND;TZID=Europe/Paris:20260303T193000"))
        #expect(lines.contains("RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU"))
        #expect(lines.contains("EXDATE;TZID=Europe/Paris:20260317T180000,20260407T180000"))
        #expect(lines.contains("URL:https://meet.example.com/swift?room=1&lang=fr"))
        #expect(lines.contains("SUMMARY:Swift on the server"))
    }

    @Test func vtimezoneHoldsTheTransitionsAroundTheSeries() throws {
        let text = try ICalendar().export(Self.events[0], stamp: Self.stamp)
        let lines = ICalendarText.unfold(text)
        guard let begin = lines.firstIndex(of: "BEGIN:VTIMEZONE"), let end = lines.firstIndex(of: "END:VTIMEZONE") else {
            Issue.record("no VTIMEZONE")
            return
        }
        let zone = Array(lines[begin...end])
        // A bounded 2026 series: the transitions from a year before the start to its end.
        #expect(zone.contains("BEGIN:DAYLIGHT"))
        #expect(zone.contains("BEGIN:STANDARD"))
        #expect(zone.contains("DTSTART:20250330T020000"), "DAYLIGHT starts at 02:00 local, before the change")
        #expect(zone.contains("TZOFFSETFROM:+0100"))
        #expect(zone.contains("TZOFFSETTO:+0200"))
        #expect(zone.contains("DTSTART:20251026T030000"))
        #expect(zone.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20260329T010000Z"))
    }

    @Test func unboundedSeriesLeavesTheCurrentZoneRuleOpen() throws {
        let event = Self.event(9, title: "Forever", start: "2026-03-03T18:00:00", zone: "Europe/Paris", rule: "FREQ=WEEKLY",
                               location: .online(joinURL: nil))
        let lines = ICalendarText.unfold(try ICalendar().export(event, stamp: Self.stamp))
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
    }

    @Test func zoneWithoutDSTGetsOneStandardObservance() throws {
        let lines = ICalendarText.unfold(try ICalendar().export(Self.events[2], stamp: Self.stamp))
        #expect(lines.contains("BEGIN:STANDARD"))
        #expect(!lines.contains("BEGIN:DAYLIGHT"))
        #expect(lines.contains("TZOFFSETTO:+0900"))
        #expect(lines.contains("RDATE;TZID=Asia/Tokyo:20260501T190000,20260601T193000"))
    }

    @Test func localUntilIsWrittenInUTC() throws {
        let event = Self.event(10, title: "Until", start: "2026-03-03T18:00:00", zone: "Europe/Paris",
                               rule: "FREQ=WEEKLY;UNTIL=20260331T180000", location: .online(joinURL: nil))
        let lines = ICalendarText.unfold(try ICalendar().export(event, stamp: Self.stamp))
        #expect(lines.contains("RRULE:FREQ=WEEKLY;UNTIL=20260331T160000Z"), "18:00 CEST is 16:00Z")
    }

    @Test func severalEventsShareOneVTimezonePerZone() throws {
        let text = try ICalendar().export([Self.events[0], Self.events[0], Self.events[1]], stamp: Self.stamp, name: "Swift; Paris")
        let lines = ICalendarText.unfold(text)
        #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 2)
        #expect(lines.contains("X-WR-CALNAME:Swift\\; Paris"))
        #expect(try ICalendar().events(from: text).count == 3)
    }
}

extension ICalendarRoundTripTests {
    @Test func oldOpenEndedSeriesCarriesTodaysZoneRule() throws {
        // New York's DST rule changed in 2007: a series from 1995 must be written with today's rule.
        let event = Self.event(11, title: "Since 1995", start: "1995-01-04T18:00:00", zone: "America/New_York", rule: "FREQ=WEEKLY",
                               location: .online(joinURL: nil))
        let lines = ICalendarText.unfold(try ICalendar().export(event, stamp: Self.stamp))
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"), "the open-ended rule is the 2007 one")
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"))
        #expect(lines.contains { $0.hasPrefix("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=2006") }, "the old rule ends in 2006")
    }
}
