import CommunityEvents
import Foundation
import Testing

/// Wall-clock expansion across DST changes in Europe/Paris and America/New_York.
@Suite("Recurrence across DST changes")
struct RecurrenceDSTTests {
    let paris = TimeZone(identifier: "Europe/Paris")
    let newYork = TimeZone(identifier: "America/New_York")

    func series(_ start: String, _ zone: TimeZone?, _ rule: String) throws -> Recurrence {
        try Recurrence(start: LocalDateTime(parsing: start), timeZone: zone, rule: RecurrenceRule(parsing: rule))
    }

    @Test("weekly 18:00 Paris stays at 18:00 across the March change")
    func weeklyParisSpring() throws {
        let occurrences = try series("2026-03-17T18:00:00", paris, "FREQ=WEEKLY;COUNT=4").map(\.description)
        #expect(occurrences == [
            "2026-03-17T18:00:00+01:00", "2026-03-24T18:00:00+01:00",
            "2026-03-31T18:00:00+02:00", "2026-04-07T18:00:00+02:00",
        ])
    }

    @Test("weekly 18:00 New York stays at 18:00 across the November change")
    func weeklyNewYorkFall() throws {
        let occurrences = Array(try series("2026-10-25T18:00:00", newYork, "FREQ=WEEKLY").prefix(3))
        #expect(occurrences.map(\.description) == [
            "2026-10-25T18:00:00-04:00", "2026-11-01T18:00:00-05:00", "2026-11-08T18:00:00-05:00",
        ])
        #expect(occurrences.map(\.utcOffset) == [-14400, -18000, -18000])
        // 18:00 EST is 23:00Z.
        #expect(occurrences[1].date == Date(timeIntervalSince1970: 1_793_574_000))
    }

    @Test("daily 02:30 Paris: the gap day moves forward by the gap, then back to 02:30")
    func dailyParisGap() throws {
        let occurrences = try series("2026-03-28T02:30:00", paris, "FREQ=DAILY;COUNT=3").map(\.description)
        #expect(occurrences == ["2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00"])
    }

    @Test("daily 02:30 New York: the gap day reads 03:30 EDT")
    func dailyNewYorkGap() throws {
        let occurrences = try series("2026-03-07T02:30:00", newYork, "FREQ=DAILY;COUNT=3").map(\.description)
        #expect(occurrences == ["2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"])
    }

    @Test("daily 02:30 Paris: the ambiguous time takes its first (summer) instance")
    func dailyParisOverlap() throws {
        let occurrences = try series("2026-10-24T02:30:00", paris, "FREQ=DAILY;COUNT=3")
        #expect(occurrences.map(\.description) == [
            "2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00",
        ])
        // 02:30 CEST on 25 October is 00:30Z.
        #expect(Array(occurrences)[1].date == Date(timeIntervalSince1970: 1_792_888_200))
    }

    @Test("daily 01:30 New York: the ambiguous time takes EDT")
    func dailyNewYorkOverlap() throws {
        let occurrences = try series("2026-10-31T01:30:00", newYork, "FREQ=DAILY;COUNT=3").map(\.description)
        #expect(occurrences == ["2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"])
    }

    @Test("UNTIL in UTC with a local start compares instants")
    func untilUTC() throws {
        // 09:00 Paris is 07:00Z in summer and 08:00Z in winter: UNTIL 07:30Z on the day after the
        // change excludes that day's 09:00 CET (08:00Z).
        let occurrences = try series("2026-10-20T09:00:00", paris, "FREQ=DAILY;UNTIL=20261026T073000Z")
            .map(\.description)
        #expect(occurrences.last == "2026-10-25T09:00:00+01:00")
        #expect(occurrences.count == 6)
        let newYorkSeries = try series("2026-03-06T09:00:00", newYork, "FREQ=DAILY;UNTIL=20260309T130000Z")
        #expect(newYorkSeries.map(\.description).last == "2026-03-09T09:00:00-04:00")
    }

    @Test("hourly across the spring gap never repeats an instant")
    func hourlyGap() throws {
        let occurrences = try series("2026-03-29T00:00:00", paris, "FREQ=HOURLY;COUNT=4")
        let dates = occurrences.map(\.date)
        #expect(dates == dates.sorted())
        #expect(Set(dates).count == dates.count)
        #expect(occurrences.map(\.description) == [
            "2026-03-29T00:00:00+01:00", "2026-03-29T01:00:00+01:00",
            "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00",
        ])
    }

    @Test("times in the gap that overtake later times come out in instant order")
    func gapReordering() throws {
        // 02:40 does not exist on 29 March 2026 in Paris: it reads 03:40, after the real 03:10.
        let occurrences = try series("2026-03-28T02:40:00", paris, "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=10,40;COUNT=7")
            .map(\.description)
        #expect(occurrences == [
            "2026-03-28T02:40:00+01:00", "2026-03-28T03:10:00+01:00", "2026-03-28T03:40:00+01:00",
            "2026-03-29T03:10:00+02:00", "2026-03-29T03:40:00+02:00",
            "2026-03-30T02:10:00+02:00", "2026-03-30T02:40:00+02:00",
        ])
    }

    @Test("every 30 minutes across the gap: each instant once, ascending")
    func minutelyGap() throws {
        let occurrences = try series("2026-03-29T01:00:00", paris, "FREQ=MINUTELY;INTERVAL=30;COUNT=5")
            .map(\.description)
        #expect(occurrences == [
            "2026-03-29T01:00:00+01:00", "2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00",
            "2026-03-29T03:30:00+02:00", "2026-03-29T04:00:00+02:00",
        ])
    }
}
