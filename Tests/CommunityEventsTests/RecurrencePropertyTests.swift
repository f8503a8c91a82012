import CommunityEvents
import Foundation
import CommunityTesting
import Testing

/// Properties every expansion keeps, over random valid rules, starts and zones.
@Suite("Recurrence properties")
struct RecurrencePropertyTests {
    static let zones: [TimeZone?] = [
        nil, TimeZone(identifier: "Europe/Paris"), TimeZone(identifier: "America/New_York"),
        TimeZone(identifier: "Australia/Lord_Howe"), TimeZone(identifier: "Asia/Kolkata"),
    ]

    @Test("random series end, ascend strictly, respect COUNT, UNTIL and DTSTART")
    func randomSeries() throws {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<200 {
            let rule = RecurrenceRuleParsingTests.randomRule(&random)
            let start = try LocalDateTime(
                year: 1990 + Int(random.next() % 50), month: 1 + Int(random.next() % 12),
                day: 1 + Int(random.next() % 28), hour: Int(random.next() % 24), minute: Int(random.next() % 60),
                second: Int(random.next() % 60))
            let zone = Self.zones[Int(random.next() % UInt64(Self.zones.count))]
            let series = try Recurrence(start: start, timeZone: zone, rule: rule)
            let occurrences = Array(series.prefix(40))
            let context = "\(rule) from \(start) in \(zone?.identifier ?? "floating")"
            for (previous, next) in zip(occurrences, occurrences.dropFirst()) {
                #expect(previous.date < next.date, "\(context)")
            }
            if let count = rule.count { #expect(occurrences.count <= count, "\(context)") }
            if let first = occurrences.first, zone == nil { #expect(first.local >= start, "\(context)") }
            if case .utc(let until)? = rule.until, let last = occurrences.last {
                #expect(last.date.timeIntervalSince1970 <= Double(until.dayNumberForTests * 86_400
                    + until.hour * 3600 + until.minute * 60 + until.second), "\(context)")
            }
        }
    }
}

extension LocalDateTime {
    /// Days since 1970-01-01, computed independently of the engine (via Foundation).
    var dayNumberForTests: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
        return Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }
}
