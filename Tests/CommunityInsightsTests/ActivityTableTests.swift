import CommunityCore
import CommunityInsights
import CommunityTesting
import Foundation
import Testing

/// The columnar `ActivityTable`: interning, the round trip with records, and the report over a
/// table equal to the report over the same records.
@Suite struct ActivityTableTests {
    static func synthetic(events: Int = 20_000, seed: UInt64 = 7) throws -> ActivityLog {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = events
        configuration.seed = seed
        return try SyntheticCommunityGenerator(configuration: configuration).generate().log
    }

    @Test func internsDenseIndicesInFirstAppearanceOrder() throws {
        var names = InternedStrings()
        #expect(try names.intern("b") == 0)
        #expect(try names.intern("a") == 1)
        #expect(try names.intern("b") == 0)
        #expect(try names.intern("é") == 2)
        #expect(names.count == 3)
        #expect(names.strings == ["b", "a", "é"])
        #expect(names.index(of: "a") == 1)
        #expect(names.index(of: "c") == nil)
        #expect(names[2] == "é")
    }

    @Test func roundTripsTheGoldenLog() throws {
        let log = try GoldenFixture.log()
        let table = try ActivityTable(log)
        #expect(table.count == log.records.count)
        #expect(table.log == log)
        #expect(table.evaluationTime == log.evaluationTime)
        #expect(table.earliestTime == log.earliestTime)
        for (row, record) in log.records.enumerated() { #expect(table.record(at: row) == record) }
    }

    @Test func readTableEqualsReadInAnyLineOrder() throws {
        let log = try Self.synthetic()
        let forward = ActivityLogWriter.write(log.records)
        let reversed = ActivityLogWriter.write(log.records.reversed())
        let a = try ActivityLogReader.readTable(forward)
        let b = try ActivityLogReader.readTable(reversed)
        #expect(a.log == (try ActivityLogReader.read(forward)))
        #expect(b.log == (try ActivityLogReader.read(reversed)))
        // Indices follow the (t, line) order, not the file's line order: the same members in the same
        // order whichever way the file was written, as the member lines come first in time.
        #expect(a.memberIDs.strings == b.memberIDs.strings)
        #expect(a.memberIDs.count > 100)
        #expect(a.threadCount == log.records.filter { ActivityKind($0.event) == .thread }.count)
    }

    @Test func goldenReportOverTableEqualsReportOverRecords() throws {
        let log = try GoldenFixture.log()
        let expected = try InsightsReport.compute(from: log)
        let table = try ActivityLogReader.readTable(contentsOf: GoldenFixture.url)
        #expect(try InsightsReport.compute(from: table) == expected)
        #expect(try InsightsReport.compute(from: ActivityTable(log)) == expected)
        let from = try #require(ActivityLogReaderTests.date("2026-03-02T00:00:00Z") as Date?)
        let window = try InsightsWindow(from: from, to: expected.window.to)
        #expect(try InsightsReport.compute(from: table, window: window) == InsightsReport.compute(from: log, window: window))
    }

    @Test(arguments: [UInt64(7), 11])
    func syntheticReportOverTableEqualsReportOverRecords(seed: UInt64) throws {
        let log = try Self.synthetic(seed: seed)
        // Any line order: the lines (the tie-breaker of equal times) are those of the file.
        let data = ActivityLogWriter.write(log.records.reversed())
        let expected = try InsightsReport.compute(from: ActivityLogReader.read(data))
        let report = try InsightsReport.compute(from: ActivityLogReader.readTable(data))
        #expect(report == expected)
        #expect(try InsightsReport.compute(from: ActivityTable(log)) == InsightsReport.compute(from: log))
        #expect(report.volume.records == log.records.count)
        #expect(report.members.count > 0)
    }

    /// More than 64 tags: the per-member tag weights leave their dense blocks for lists; the
    /// report is the same.
    @Test func manyTagsGiveTheSameReport() throws {
        var lines: [String] = []
        for m in 0..<6 { lines.append(#"{"type":"member","member":"m\#(m)","t":"2026-03-01T0\#(m):00:00Z"}"#) }
        for k in 0..<70 {
            let tags = "[\"t\(k)\",\"t\((k * 7) % 70)\"]"
            let t = String(format: "2026-03-%02dT10:%02d:00Z", 2 + k / 10, k % 60)
            lines.append(#"{"type":"thread","id":"q\#(k)","member":"m\#(k % 6)","t":"\#(t)","space":"s","kind":"question","tags":\#(tags)}"#)
            let r = String(format: "2026-03-%02dT11:%02d:00Z", 2 + k / 10, k % 60)
            lines.append(#"{"type":"reply","id":"r\#(k)","member":"m\#((k + 1) % 6)","t":"\#(r)","thread":"q\#(k)"}"#)
            lines.append(#"{"type":"react","member":"m\#((k + 2) % 6)","t":"\#(r)","post":"r\#(k)"}"#)
        }
        let data = Data(lines.joined(separator: "\n").utf8)
        let table = try ActivityLogReader.readTable(data)
        #expect(table.tagIDs.count == 70)
        let report = try InsightsReport.compute(from: table)
        #expect(report == (try InsightsReport.compute(from: ActivityLogReader.read(data))))
        #expect(report.members.contains { $0.topInterests.count == 3 && $0.topicEntropy != nil })
    }

    /// Records consumed after a table (here one bringing a new tag) continue the same state: the
    /// report equals the one over all the records.
    @Test func recordsAfterATableContinueTheSameState() throws {
        let log = try GoldenFixture.log()
        let last = try #require(log.evaluationTime)
        let member = try #require(log.records.first { if case .member = $0.event { true } else { false } }?.event.member)
        let later = last.addingTimeInterval(60)
        let extra = [
            ActivityRecord(line: 1_000, event: .thread(id: "late-thread", member: member, time: later, space: "s",
                                                       kind: .discussion, tags: ["brand-new-tag", "another-new-tag"])),
            ActivityRecord(line: 1_001, event: .react(member: member, time: later, post: "late-thread")),
        ]
        let window = try InsightsWindow(from: try InsightsWindow.covering(log).from, to: later.addingTimeInterval(86_400))
        var engine = try InsightsEngine(table: ActivityTable(log), window: window, evaluationTime: later)
        for record in extra { try engine.consume(record) }
        var byRecords = InsightsEngine(window: window, evaluationTime: later)
        for record in log.records + extra { try byRecords.consume(record) }
        #expect(engine.makeReport() == byRecords.makeReport())
        #expect(engine.makeReport().topics.threads == byRecords.makeReport().topics.threads)
    }

    @Test func skippedRowsAreCountedAsForRecords() throws {
        let text = """
            {"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}
            {"type":"react","member":"a","t":"2026-03-01T10:00:00Z","post":"nowhere"}
            {"type":"reply","id":"r1","member":"a","t":"2026-03-01T11:00:00Z","thread":"missing"}
            {"type":"view","member":"a","t":"2026-03-01T12:00:00Z","resource":"doc"}
            """
        let log = try ActivityLogReader.read(text)
        var byRecord = InsightsEngine(window: try InsightsWindow.covering(log), evaluationTime: try #require(log.evaluationTime))
        for record in log.records { try byRecord.consume(record) }
        let table = try ActivityLogReader.readTable(Data(text.utf8))
        let byTable = try InsightsEngine(
            table: table, window: try InsightsWindow.covering(table), evaluationTime: try #require(table.evaluationTime))
        #expect(byRecord.skippedRecords == 2)
        #expect(byTable.skippedRecords == byRecord.skippedRecords)
        #expect(byTable.makeReport() == byRecord.makeReport())
    }

    @Test(arguments: [
        (#"{"type":"zap","member":"a","t":"2026-03-01T10:00:00Z"}"#, "line 2: unknown type"),
        (#"{"type":"view","member":"b","t":"2026-03-01T10:00:00Z","resource":"r"}"#, "line 2: member \"b\" appears before"),
        (#"{"type":"member","member":"a","t":"2026-03-01T10:00:00Z"}"#, "line 2: member \"a\" already has a member line"),
    ])
    func readTableHasTheReadersErrors(line: String, prefix: String) {
        let data = Data((#"{"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}"# + "\n" + line + "\n").utf8)
        #expect { try ActivityLogReader.readTable(data) } throws: {
            ($0 as? CommunityError)?.message.hasPrefix(prefix) == true && ($0 as? CommunityError)?.field == "line 2"
        }
    }

    @Test func unvalidatedTableReportsTheFirstInconsistentRow() throws {
        let t = try #require(ActivityLogReaderTests.date("2026-03-01T10:00:00Z") as Date?)
        let table = try ActivityTable(records: [
            ActivityRecord(line: 1, event: .member(member: "a", time: t, staff: false, bot: false)),
            ActivityRecord(line: 2, event: .view(member: "ghost", time: t.addingTimeInterval(60), resource: "r")),
        ])
        #expect { try InsightsReport.compute(from: table) } throws: {
            ($0 as? CommunityError)?.message.hasPrefix("line 2: member \"ghost\" appears before") == true
        }
    }

    @Test func emptyTableNeedsAWindow() throws {
        let table = ActivityTable()
        #expect(table.count == 0)
        #expect(table.evaluationTime == nil)
        #expect { try InsightsReport.compute(from: table) } throws: { ($0 as? CommunityError)?.field == "from" }
    }
}
