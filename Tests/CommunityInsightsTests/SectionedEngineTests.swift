@testable import CommunityInsights
import CommunityCore
import CommunityTesting
import Foundation
import Testing

/// The streaming pass in two sections (``ActivitySection`` on a second thread) and the report's
/// member analytics on a second thread give exactly the state and report of one sequential pass.
@Suite struct SectionedEngineTests {
    /// The report over `table`: both sections and the report concurrently or sequentially.
    static func report(_ table: ActivityTable, concurrently: Bool) throws -> (InsightsReport, Int) {
        let window = try InsightsWindow.covering(table)
        var state = EngineState(
            table: table, window: window, evaluationTime: try #require(table.evaluationTime).timeIntervalSince1970,
            configuration: InsightsConfiguration())
        let skipped = try state.consume(table: table, concurrently: concurrently)
        return (state.makeReport(concurrently: concurrently), skipped)
    }

    /// The report record by record (both sections inline), for comparison.
    static func reportByRecord(_ log: ActivityLog) throws -> (InsightsReport, Int) {
        var engine = InsightsEngine(window: try InsightsWindow.covering(log), evaluationTime: try #require(log.evaluationTime))
        for record in log.records { try engine.consume(record) }
        return (engine.makeReport(), engine.skippedRecords)
    }

    /// The report of a JSONL text and its skipped records, after checking that the table's
    /// sections concurrently, the table's sections in sequence and the records one by one agree.
    static func agreedReport(_ text: String) throws -> (InsightsReport, Int) {
        let table = try ActivityLogReader.readTable(Data(text.utf8))
        let byRecord = try reportByRecord(ActivityLogReader.read(text))
        let concurrent = try report(table, concurrently: true)
        #expect(concurrent.0 == byRecord.0)
        #expect(concurrent.1 == byRecord.1)
        #expect(try concurrent.0 == report(table, concurrently: false).0)
        return concurrent
    }

    @Test(arguments: [UInt64(3), 7, 11, 42])
    func concurrentSectionsEqualOneSequentialPass(seed: UInt64) throws {
        let log = try ActivityTableTests.synthetic(events: 30_000, seed: seed)
        let table = try ActivityTable(log)
        let sequential = try Self.report(table, concurrently: false)
        let concurrent = try Self.report(table, concurrently: true)
        let byRecord = try Self.reportByRecord(log)
        #expect(concurrent.0 == sequential.0)
        #expect(concurrent.1 == sequential.1)
        #expect(sequential.0 == byRecord.0)
        #expect(sequential.1 == byRecord.1)
    }

    @Test func goldenFixtureConcurrentlyEqualsSequentially() throws {
        let table = try ActivityLogReader.readTable(contentsOf: GoldenFixture.url)
        #expect(try Self.report(table, concurrently: true).0 == Self.report(table, concurrently: false).0)
        #expect(try Self.report(table, concurrently: true).0 == InsightsReport.compute(from: GoldenFixture.log()))
    }

    /// Rows the main section skips (a reaction to no post or to an orphan reply, a reply to an
    /// unknown thread, an accept of a post of another thread), bots and staff changes: the
    /// activity section, which sees only the rows, counts them as the single pass does.
    @Test func skippedRowsBotsAndRolesConcurrently() throws {
        let text = """
            {"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}
            {"type":"member","member":"b","t":"2026-03-01T09:00:00Z","bot":true}
            {"type":"member","member":"s","t":"2026-03-01T09:00:00Z","staff":true}
            {"type":"react","member":"a","t":"2026-03-01T10:00:00Z","post":"nowhere"}
            {"type":"reply","id":"r1","member":"a","t":"2026-03-01T11:00:00Z","thread":"missing"}
            {"type":"react","member":"a","t":"2026-03-01T11:30:00Z","post":"r1"}
            {"type":"thread","id":"t1","member":"a","t":"2026-03-02T08:00:00Z","space":"help","kind":"question"}
            {"type":"reply","id":"r2","member":"s","t":"2026-03-02T09:00:00Z","thread":"t1"}
            {"type":"reply","id":"r3","member":"b","t":"2026-03-02T09:10:00Z","thread":"t1"}
            {"type":"reply","id":"r4","member":"a","t":"2026-03-02T09:20:00Z","thread":"r2"}
            {"type":"react","member":"a","t":"2026-03-02T10:00:00Z","post":"r2"}
            {"type":"react","member":"b","t":"2026-03-02T10:00:00Z","post":"t1"}
            {"type":"role","member":"s","t":"2026-03-03T10:00:00Z","staff":false}
            {"type":"react","member":"s","t":"2026-03-03T11:00:00Z","post":"t1"}
            {"type":"accept","member":"a","t":"2026-03-03T12:00:00Z","thread":"t1","post":"r2"}
            {"type":"rsvp","member":"a","t":"2026-03-04T12:00:00Z","event":"e1"}
            {"type":"attend","member":"s","t":"2026-03-05T12:00:00Z","event":"e1"}
            {"type":"view","member":"b","t":"2026-03-05T13:00:00Z","resource":"doc"}
            {"type":"view","member":"a","t":"2026-04-20T13:00:00Z","resource":"t1"}
            """
        #expect(try Self.agreedReport(text).1 == 4)
    }

    /// A reaction takes its post's thread's tags and letters: to a thread's first post or to a
    /// reply alike; a reaction to an orphan reply or to a resource counts neither (and is
    /// skipped). Letters of an engaged activity on a question: Support, whether
    /// or not it is solved.
    @Test func reactionTakesItsThreadsTagsAndLetters() throws {
        let text = """
            {"type":"tag","tag":"swift","product":true}
            {"type":"tag","tag":"ios","product":false}
            {"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}
            {"type":"member","member":"b","t":"2026-03-01T09:00:00Z"}
            {"type":"member","member":"c","t":"2026-03-01T09:00:00Z"}
            {"type":"member","member":"d","t":"2026-03-01T09:00:00Z"}
            {"type":"thread","id":"t1","member":"a","t":"2026-03-02T08:00:00Z","space":"general","kind":"question","tags":["swift","ios","swift"]}
            {"type":"reply","id":"r1","member":"b","t":"2026-03-02T09:00:00Z","thread":"t1"}
            {"type":"reply","id":"r9","member":"b","t":"2026-03-02T09:30:00Z","thread":"missing"}
            {"type":"react","member":"c","t":"2026-03-02T10:00:00Z","post":"r1"}
            {"type":"react","member":"c","t":"2026-03-02T10:05:00Z","post":"t1"}
            {"type":"react","member":"d","t":"2026-03-02T10:10:00Z","post":"r9"}
            {"type":"react","member":"d","t":"2026-03-02T10:20:00Z","post":"doc"}
            """
        let (report, skipped) = try Self.agreedReport(text)
        #expect(skipped == 3)
        let c = try #require(report.members.first { $0.member == "c" })
        // Two reactions of weight 2 over the thread's two distinct tags: 2 each; ties by name.
        #expect(c.topInterests == ["ios", "swift"])
        #expect(c.spicesProfile.support == 1)
        let d = try #require(report.members.first { $0.member == "d" })
        #expect(d.topInterests.isEmpty)
        #expect(d.spicesProfile.support == nil)
    }

    /// An id viewed before its thread exists is a resource (a `guide` id: Content); once the
    /// thread exists, a view of it takes the thread's letters (an unsolved discussion in
    /// `general`: Engagement); a reply's id viewed is a resource again.
    @Test func viewOfAnIdBeforeAndAfterItsThread() throws {
        let text = """
            {"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}
            {"type":"member","member":"b","t":"2026-03-01T09:00:00Z"}
            {"type":"view","member":"a","t":"2026-03-01T10:00:00Z","resource":"guide-7"}
            {"type":"thread","id":"guide-7","member":"b","t":"2026-03-02T08:00:00Z","space":"general","kind":"discussion"}
            {"type":"view","member":"a","t":"2026-03-02T10:00:00Z","resource":"guide-7"}
            {"type":"reply","id":"tutorial-r","member":"b","t":"2026-03-02T11:00:00Z","thread":"guide-7"}
            {"type":"view","member":"a","t":"2026-03-02T12:00:00Z","resource":"tutorial-r"}
            {"type":"view","member":"a","t":"2026-03-02T12:30:00Z","resource":"tutorial-r"}
            """
        let a = try #require(Self.agreedReport(text).0.members.first { $0.member == "a" })
        #expect(a.spicesProfile.content == 0.75)
        #expect(a.spicesProfile.engagement == 0.25)
    }

    /// A table over the concurrency threshold of ``InsightsEngine/init(table:window:evaluationTime:configuration:)``
    /// through the public API, against the records.
    @Test func largeTableThroughThePublicAPI() throws {
        let log = try ActivityTableTests.synthetic(events: 70_000, seed: 5)
        let table = try ActivityTable(log)
        #expect(table.count >= 1 << 16)
        #expect(try InsightsReport.compute(from: table) == Self.reportByRecord(log).0)
    }

    /// The report parts the activity section's thread computes after a concurrent table pass
    /// (C1, C2, A3's reaction tally, the members by id) are the ones the report computes without
    /// them; a record consumed afterwards drops them, so the report still equals the records'.
    @Test func activityPartsAreTheReportsOwnAndDroppedByALaterRecord() throws {
        let log = try ActivityTableTests.synthetic(events: 30_000, seed: 9)
        let table = try ActivityTable(log)
        let evaluation = try #require(table.evaluationTime)
        var state = EngineState(
            table: table, window: try InsightsWindow.covering(table), evaluationTime: evaluation.timeIntervalSince1970,
            configuration: InsightsConfiguration())
        _ = try state.consume(table: table, concurrently: true)
        #expect(state.activityParts != nil)
        var recomputed = state
        recomputed.activityParts = nil
        #expect(state.makeReport(concurrently: true) == recomputed.makeReport(concurrently: true))
        #expect(state.makeReport(concurrently: false) == recomputed.makeReport(concurrently: false))

        // A reaction to someone else's post at the evaluation time changes C1 and A3's tally.
        let post = try #require(log.records.lazy.compactMap { record -> (String, String)? in
            if case let .reply(id, author, _, _, _) = record.event { return (id, author) }
            return nil
        }.first)
        let reactor = try #require(log.records.lazy.compactMap { record -> String? in
            if case let .member(id, _, staff, bot) = record.event, !staff, !bot, id != post.1 { return id }
            return nil
        }.first)
        let extra = ActivityRecord(line: 1_000_000, event: .react(member: reactor, time: evaluation, post: post.0))
        try state.consume(extra)
        #expect(state.activityParts == nil)
        var engine = InsightsEngine(window: try InsightsWindow.covering(table), evaluationTime: evaluation)
        for record in log.records + [extra] { try engine.consume(record) }
        #expect(state.makeReport(concurrently: true) == engine.makeReport())
    }

    /// An inconsistent row fails the concurrent pass with the sequential pass's error.
    @Test func inconsistentRowFailsConcurrentlyToo() throws {
        let text = """
            {"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}
            {"type":"view","member":"a","t":"2026-03-01T12:00:00Z","resource":"doc"}
            {"type":"thread","id":"t1","member":"a","t":"2026-03-02T08:00:00Z","space":"help","kind":"question"}
            {"type":"thread","id":"t1","member":"a","t":"2026-03-02T09:00:00Z","space":"help","kind":"question"}
            """
        let table = try ActivityLogReader.readTable(Data(text.utf8))
        var messages: [String] = []
        for concurrently in [false, true] {
            do {
                _ = try Self.report(table, concurrently: concurrently)
            } catch {
                messages.append(error.localizedDescription + String(describing: error))
            }
        }
        #expect(messages.count == 2)
        #expect(Set(messages).count == 1)
    }
}
