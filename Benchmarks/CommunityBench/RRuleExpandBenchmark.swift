import CommunityEvents
import Foundation

/// `rrule.expand`: occurrences per second on the peer mix (`bench/rrule/mix.json`).
///
/// Timed work per rule and round, as in the libical and dateutil harnesses: parse the RRULE
/// value, build the series, and expand from DTSTART until the rule ends, `limit` occurrences
/// were produced, or an occurrence's local time is at or after `stop_before_local` (not
/// counted). Time zones are looked up before timing starts.
struct RRuleExpandBenchmark {
    /// One rule of the mix.
    struct Rule: Decodable {
        var id: String
        var dtstart: String
        var tzid: String?
        var rrule: String
        var limit: Int
        var stopBeforeLocal: String
        var expectedCount: Int

        enum CodingKeys: String, CodingKey {
            case id, dtstart, tzid, rrule, limit
            case stopBeforeLocal = "stop_before_local"
            case expectedCount = "expected_count"
        }
    }

    /// The mix file's top level.
    struct Mix: Decodable {
        var rules: [Rule]
    }

    /// A rule ready to run: its inputs parsed, except the RRULE text (parsed in the timed loop).
    private struct Prepared {
        var rule: Rule
        var start: LocalDateTime
        var zone: TimeZone?
        var stop: LocalDateTime
    }

    /// The outcome of a run.
    struct Result {
        var occurrences: Int
        var seconds: Double
        var roundMicroseconds: [Double]
        var mismatches: [String]
    }

    let mix: Mix

    init(mixData: Data) throws {
        mix = try JSONDecoder().decode(Mix.self, from: mixData)
    }

    /// Runs `rounds` rounds of the whole mix (after one untimed warm-up round).
    func run(rounds: Int) throws -> Result {
        let prepared = try mix.rules.map { rule in
            Prepared(
                rule: rule, start: try LocalDateTime(parsing: rule.dtstart),
                zone: rule.tzid.flatMap { TimeZone(identifier: $0) },
                stop: try LocalDateTime(parsing: rule.stopBeforeLocal))
        }
        var mismatches: [String] = []
        for item in prepared {
            let count = try expand(item)
            if count != item.rule.expectedCount {
                mismatches.append("\(item.rule.id): got \(count), expected \(item.rule.expectedCount)")
            }
        }
        var total = 0
        var roundTimes: [Double] = []
        roundTimes.reserveCapacity(rounds)
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<rounds {
            let roundStart = clock.now
            for item in prepared { total += try expand(item) }
            roundTimes.append(Self.microseconds(clock.now - roundStart))
        }
        let elapsed = Self.microseconds(clock.now - started) / 1e6
        return Result(occurrences: total, seconds: elapsed, roundMicroseconds: roundTimes, mismatches: mismatches)
    }

    @inline(__always)
    private func expand(_ item: Prepared) throws -> Int {
        let rule = try RecurrenceRule(parsing: item.rule.rrule)
        let series = try Recurrence(start: item.start, timeZone: item.zone, rule: rule)
        var count = 0
        for occurrence in series {
            if occurrence.local >= item.stop { break }
            count += 1
            if count >= item.rule.limit { break }
        }
        return count
    }

    private static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }
}
