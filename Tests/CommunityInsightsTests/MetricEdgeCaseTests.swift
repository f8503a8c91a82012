import CommunityCore
@testable import CommunityInsights
import Foundation
import Testing

@Suite struct MetricEdgeCaseTests {
    func date(_ text: String) -> Date { RFC3339.parse(text.utf8) ?? .distantPast }

    @Test func emptyWindowGivesNullsNotZeros() throws {
        let log = try GoldenFixture.log()
        let window = try InsightsWindow(from: date("2025-01-01T00:00:00Z"), to: date("2025-02-01T00:00:00Z"))
        let report = try InsightsReport.compute(from: log, window: window)
        #expect(report.peerAnswers.pas == nil)
        #expect(report.peerAnswers.pasMemberAsked == nil)
        #expect(report.peerAnswers.peerBeforeStaff == nil)
        #expect(report.peerAnswers.peerAcceptedShare == nil)
        #expect(report.peerAnswers.health.healthy == nil)
        #expect(report.memberInitiated.mit == nil)
        #expect(report.memberInitiated.selfStarterRate == nil)
        #expect(report.firstResponse.medianSeconds == nil)
        #expect(report.firstResponse.kaplanMeierMedianSeconds == nil)
        #expect(report.firstResponse.answeredWithin24h == nil)
        #expect(report.unanswered.unansweredRate == nil)
        #expect(report.unanswered.unsolvedRate == nil)
        #expect(report.newContributors.activationRate == nil)
        #expect(report.participation.gini == nil)
        #expect(report.participation.top10PercentShare == nil)
        #expect(report.participation.contributorAbsenceFactor == nil)
        #expect(report.participation.lurkerShare == nil)
        #expect(report.topics.bps == nil)
        #expect(report.topics.coverage == nil)
        #expect(report.topics.effectiveTopics == nil)
        // C1: days with MAU = 0 count 0 (§2), so the mean is 0, not null.
        #expect(report.stickiness.dauMau == 0)
        #expect(report.dailyEngagedUsers.days.count == 31)
        #expect(report.dailyEngagedUsers.mean == 0)
    }

    @Test func emptyLogNeedsAWindow() throws {
        let empty = ActivityLog(records: [])
        #expect(throws: CommunityError.self) { try InsightsReport.compute(from: empty) }
        let window = try InsightsWindow(from: date("2026-01-01T00:00:00Z"), to: date("2026-01-02T00:00:00Z"))
        let report = try InsightsReport.compute(from: empty, window: window)
        #expect(report.volume.records == 0)
        #expect(report.peerAnswers.pas == nil)
    }

    @Test func windowMustNotBeEmpty() {
        #expect(throws: CommunityError.self) {
            try InsightsWindow(from: date("2026-01-02T00:00:00Z"), to: date("2026-01-02T00:00:00Z"))
        }
    }

    /// One contributor only (ann on 03-05: q4): Gini undefined for n < 2; top 10% and CAF defined.
    @Test func giniWithOneContributorIsNull() throws {
        let window = try InsightsWindow(from: date("2026-03-05T00:00:00Z"), to: date("2026-03-05T13:30:00Z"))
        let report = try InsightsReport.compute(from: try GoldenFixture.log(), window: window)
        #expect(report.participation.contributors == 1)  // sam's r10 was a staff post
        #expect(report.participation.gini == nil)
        #expect(report.participation.top10PercentShare == 1.0)
        #expect(report.participation.contributorAbsenceFactor == 1)
    }

    /// Reading 2: outcomes after `to` still count. A window holding only q1's creation still sees
    /// its response at 11:00 and its accept.
    @Test func outcomesAfterWindowEndAreObserved() throws {
        let window = try InsightsWindow(from: date("2026-03-01T10:00:00Z"), to: date("2026-03-01T10:00:01Z"))
        let report = try InsightsReport.compute(from: try GoldenFixture.log(), window: window)
        #expect(report.volume.threads == 1)
        #expect(report.firstResponse.medianSeconds == 3600)
        #expect(report.peerAnswers.peerAcceptedShare == 1.0)
    }

    @Test func engineRejectsOutOfOrderAndDuplicatePosts() throws {
        let window = try InsightsWindow(from: date("2026-03-01T00:00:00Z"), to: date("2026-03-02T00:00:00Z"))
        var engine = InsightsEngine(window: window, evaluationTime: date("2026-03-01T23:00:00Z"))
        try engine.consume(ActivityRecord(line: 1, event: .member(member: "a", time: date("2026-03-01T10:00:00Z"), staff: false, bot: false)))
        try engine.consume(ActivityRecord(line: 2, event: .thread(id: "t", member: "a", time: date("2026-03-01T11:00:00Z"), space: "s", kind: .question, tags: nil)))
        #expect {
            try engine.consume(ActivityRecord(line: 3, event: .view(member: "a", time: date("2026-03-01T10:30:00Z"), resource: "r")))
        } throws: { ($0 as? CommunityError)?.field == "line 3" }
        #expect {
            try engine.consume(ActivityRecord(line: 4, event: .reply(id: "t", member: "a", time: date("2026-03-01T12:00:00Z"), thread: "t", parent: nil)))
        } throws: { ($0 as? CommunityError)?.message.contains("already used") == true }
        #expect {
            try engine.consume(ActivityRecord(line: 5, event: .view(member: "a", time: date("2026-03-02T00:00:00Z"), resource: "r")))
        } throws: { ($0 as? CommunityError)?.message.contains("after the evaluation time") == true }
        // A reaction to an unknown post is skipped, not fatal.
        try engine.consume(ActivityRecord(line: 6, event: .react(member: "a", time: date("2026-03-01T13:00:00Z"), post: "nope")))
        #expect(engine.skippedRecords == 1)
    }

    @Test func nearestRankPercentiles() {
        #expect(Statistics.median([]) == nil)
        #expect(Statistics.median([5]) == 5)
        #expect(Statistics.median([1, 2]) == 1)  // x[⌈1⌉]
        #expect(Statistics.median([1, 2, 3]) == 2)
        #expect(Statistics.p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == 9)  // x[9]
        #expect(Statistics.p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) == 10)  // x[⌈9.9⌉]
    }

    @Test func giniDefinition() {
        #expect(Statistics.gini([]) == nil)
        #expect(Statistics.gini([7]) == nil)
        #expect(Statistics.gini([1, 1, 1]) == 0)
        #expect(Statistics.gini([0, 4]) == 0.5)  // (−1·0 + 1·4)/(2·4)
    }

    @Test func kaplanMeierNeedsHalfTheEvents() {
        #expect(Statistics.kaplanMeierMedian(events: [], censored: []) == nil)
        #expect(Statistics.kaplanMeierMedian(events: [10], censored: [20, 30]) == nil)  // S = 2/3
        #expect(Statistics.kaplanMeierMedian(events: [10, 20], censored: [30]) == 20)  // S = 1/3
    }
}
