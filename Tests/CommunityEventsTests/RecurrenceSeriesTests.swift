import CommunityCore
import CommunityEvents
import Foundation
import Testing

/// Series behaviour: RDATE/EXDATE, windows, next occurrence, all-day, termination.
@Suite("Recurrence series")
struct RecurrenceSeriesTests {
    let paris = TimeZone(identifier: "Europe/Paris")

    @Test("RDATE adds, EXDATE removes, duplicates collapse, output ascends")
    func rdateExdate() throws {
        let series = try Recurrence(
            start: LocalDateTime(parsing: "2026-01-05T10:00:00"), timeZone: paris,
            rule: RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=3"),
            rdates: [LocalDateTime(parsing: "2026-01-07T12:00:00"), LocalDateTime(parsing: "2026-01-12T10:00:00")],
            exdates: [LocalDateTime(parsing: "2026-01-19T10:00:00")])
        #expect(series.map(\.description) == [
            "2026-01-05T10:00:00+01:00", "2026-01-07T12:00:00+01:00", "2026-01-12T10:00:00+01:00",
        ])
    }

    @Test("DTSTART that does not match the rule is not an occurrence; COUNT counts DTSTART when it does")
    func dtstartSemantics() throws {
        let unmatched = try Recurrence(
            start: LocalDateTime(parsing: "2026-01-06T10:00:00"),
            rule: RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO;COUNT=2"))
        #expect(unmatched.map(\.description) == ["2026-01-12T10:00:00", "2026-01-19T10:00:00"])
        let matched = try Recurrence(
            start: LocalDateTime(parsing: "2026-01-05T10:00:00"),
            rule: RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO;COUNT=2"))
        #expect(matched.map(\.description) == ["2026-01-05T10:00:00", "2026-01-12T10:00:00"])
    }

    @Test("a series without a rule is its start and RDATEs")
    func noRule() throws {
        let series = try Recurrence(
            start: LocalDateTime(parsing: "2026-05-01T09:00:00"), timeZone: paris,
            rdates: [LocalDateTime(parsing: "2026-04-01T09:00:00")])
        #expect(series.map(\.description) == ["2026-04-01T09:00:00+02:00", "2026-05-01T09:00:00+02:00"])
    }

    @Test("a date UNTIL reads as its midnight, as in libical and python-dateutil")
    func untilDate() throws {
        let timed = try Recurrence(
            start: LocalDateTime(parsing: "2024-01-01T09:00:00"), rule: RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20240103"))
        #expect(timed.map(\.description) == ["2024-01-01T09:00:00", "2024-01-02T09:00:00"])
        let allDay = try Recurrence(
            start: LocalDateTime(parsing: "2024-01-01"), rule: RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20240103"),
            isAllDay: true)
        #expect(allDay.map(\.description) == ["2024-01-01", "2024-01-02", "2024-01-03"])
    }

    @Test("windows and next occurrence")
    func windows() throws {
        let series = try Recurrence(
            start: LocalDateTime(parsing: "2026-03-01T18:00:00"), timeZone: paris,
            rule: RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
        let from = try LocalDateTime(parsing: "2026-03-10T18:00:00")
        let to = try LocalDateTime(parsing: "2026-03-24T18:00:00")
        #expect(series.occurrences(from: from, to: to).count == 3)
        #expect(series.occurrences(from: from, to: to, inclusive: false).count == 1)
        #expect(series.occurrences(from: from, to: to, limit: 2).count == 2)
        let after = Date(timeIntervalSince1970: 1_773_162_000)  // 2026-03-10T17:00:00Z = 18:00 Paris
        #expect(series.nextOccurrence(after: after)?.description == "2026-03-17T18:00:00+01:00")
        let instantWindow = series.occurrences(from: after, to: after.addingTimeInterval(14 * 86_400))
        #expect(instantWindow.map(\.description) == ["2026-03-10T18:00:00+01:00", "2026-03-17T18:00:00+01:00"])
        let closed = series.occurrences(in: DateInterval(start: after, duration: 14 * 86_400))
        #expect(closed.map(\.description) == [
            "2026-03-10T18:00:00+01:00", "2026-03-17T18:00:00+01:00", "2026-03-24T18:00:00+01:00",
        ])
    }

    @Test("all-day series yield dates and reject sub-daily rules")
    func allDay() throws {
        let series = try Recurrence(
            start: LocalDateTime(parsing: "2026-01-31"), timeZone: paris,
            rule: RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3"), isAllDay: true)
        #expect(series.map(\.description) == ["2026-01-31", "2026-02-28", "2026-03-31"])
        #expect(throws: CommunityError.self) {
            try Recurrence(
                start: LocalDateTime(parsing: "2026-01-31"), rule: RecurrenceRule(parsing: "FREQ=HOURLY"),
                isAllDay: true)
        }
    }

    @Test("rules that can never match end instead of looping", arguments: [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=WEEKLY;BYMONTH=6;BYDAY=MO;BYSETPOS=9",
        "FREQ=HOURLY;INTERVAL=24;BYHOUR=5",
        "FREQ=MINUTELY;INTERVAL=60;BYMINUTE=30",
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO;BYMONTH=6",
        "FREQ=MONTHLY;BYDAY=6MO",
        "FREQ=DAILY;BYSECOND=60",
        "FREQ=MINUTELY;BYHOUR=4,11;BYDAY=WE,TH;BYSETPOS=67,-247",
        "FREQ=HOURLY;BYMINUTE=0,30;BYSETPOS=3",
    ])
    func deadRulesEnd(_ rule: String) throws {
        let series = try Recurrence(
            start: LocalDateTime(parsing: "2026-01-01T09:00:00"), rule: RecurrenceRule(parsing: rule))
        #expect(series.first { _ in true } == nil)
    }

    @Test("BYSETPOS, BYWEEKNO, BYYEARDAY and negative BYMONTHDAY")
    func byRules() throws {
        func expand(_ start: String, _ rule: String, _ n: Int) throws -> [String] {
            let series = try Recurrence(start: LocalDateTime(parsing: start), rule: RecurrenceRule(parsing: rule))
            return series.prefix(n).map(\.description)
        }
        #expect(try expand("2026-01-01T09:00:00", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", 4) == [
            "2026-01-01T09:00:00", "2026-01-30T09:00:00", "2026-02-02T09:00:00", "2026-02-27T09:00:00",
        ])
        // ISO 2026 has 53 weeks: its last Sunday is 2027-01-03; ISO 2027's is 2028-01-02.
        #expect(try expand("2026-01-01T09:00:00", "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=SU", 2) == [
            "2027-01-03T09:00:00", "2028-01-02T09:00:00",
        ])
        #expect(try expand("2026-01-01T09:00:00", "FREQ=YEARLY;BYYEARDAY=-1,60", 3) == [
            "2026-03-01T09:00:00", "2026-12-31T09:00:00", "2027-03-01T09:00:00",
        ])
        #expect(try expand("2026-01-01T09:00:00", "FREQ=MONTHLY;BYMONTHDAY=-2", 2) == [
            "2026-01-30T09:00:00", "2026-02-27T09:00:00",
        ])
    }
}
