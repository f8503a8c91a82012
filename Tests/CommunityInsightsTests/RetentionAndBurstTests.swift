@testable import CommunityInsights
import Foundation
import Testing

/// C3 and C9 on logs built in code, where the windows are long enough to publish.
@Suite struct RetentionAndBurstTests {
    let day = 86_400.0
    let start = 1_767_571_200.0  // 2026-01-05T00:00:00Z, a Monday

    func at(_ days: Double) -> Date { Date(timeIntervalSince1970: start + days * day) }

    /// a: active on days 1, 7, 30 and in week 3. b: active on day 2 only. c: never again.
    @Test func boundedAndUnboundedRetention() throws {
        var records: [ActivityRecord] = []
        func add(_ event: ActivityEvent) { records.append(ActivityRecord(line: records.count + 1, event: event)) }
        for m in ["a", "b", "c"] { add(.member(member: m, time: at(0.5), staff: false, bot: false)) }
        add(.view(member: "a", time: at(1.6), resource: "r"))  // day 1 of a (joined 0.5)
        add(.view(member: "b", time: at(2.6), resource: "r"))  // day 2 of b
        add(.view(member: "a", time: at(7.6), resource: "r"))  // day 7, week 1
        add(.view(member: "a", time: at(22.0), resource: "r"))  // day 21.5: week 3
        add(.view(member: "a", time: at(30.6), resource: "r"))  // day 30, week 4
        add(.view(member: "c", time: at(200), resource: "r"))  // evaluation time, week 28
        let log = ActivityLog(records: records)
        let window = try InsightsWindow(from: at(0), to: at(7))
        let report = try InsightsReport.compute(from: log, window: window)
        let cohort = try #require(report.retention.cohorts.first)
        #expect(report.retention.cohorts.count == 1)
        #expect(cohort.cohortStart == "2026-01-05")
        #expect(cohort.members == 3)
        #expect(cohort.day1 == 1.0 / 3)
        #expect(cohort.day7 == 1.0 / 3)
        #expect(cohort.day30 == 1.0 / 3)
        #expect(cohort.day1Unbounded == 1.0)  // b on day 2, c on day 199.5
        #expect(cohort.day30Unbounded == 2.0 / 3)
        #expect(cohort.weeks[0] == 1.0 / 3)  // a
        #expect(cohort.weeks[1] == 0.0)
        #expect(cohort.weeks[2] == 1.0 / 3)
        #expect(cohort.weeks[3] == 1.0 / 3)
        #expect(cohort.weeks[11] == 0.0)
    }

    /// 40 days with 2 views a day, then a day with 10: a burst (mean 2, σ 0 → threshold 2).
    @Test func burstOverTrailingMeanPlusTwoSigma() throws {
        var records = [ActivityRecord(line: 1, event: .member(member: "a", time: at(0), staff: false, bot: false))]
        for d in 0..<40 {
            for k in 0..<(d == 35 ? 10 : 2) {
                records.append(ActivityRecord(line: records.count + 1, event: .view(member: "a", time: at(Double(d) + 0.1 + Double(k) * 0.01), resource: "r")))
            }
        }
        let report = try InsightsReport.compute(from: ActivityLog(records: records))
        // Day 0 has the member line too (3 lines); days 28… have a history of 28 days.
        #expect(report.activityTimes.bursts.map(\.date) == ["2026-02-09"])
        #expect(report.activityTimes.bursts.first?.count == 10)
    }
}
