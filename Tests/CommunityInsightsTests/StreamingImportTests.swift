import CommunityCore
import CommunityInsights
import CommunityTesting
import Foundation
import Testing

/// `InsightsReport.compute(importing:)` (two passes over the bytes) agrees with reading the log
/// first, including its errors.
@Suite struct StreamingImportTests {
    @Test func sameReportAsParsedLog() throws {
        let data = try Data(contentsOf: GoldenFixture.url)
        let streamed = try InsightsReport.compute(importing: data)
        #expect(streamed == (try GoldenFixture.report()))
        let from = try #require(ActivityLogReaderTests.date("2026-03-02T00:00:00Z") as Date?)
        let windowed = try InsightsReport.compute(importing: data, from: from)
        let expected = try InsightsReport.compute(
            from: try GoldenFixture.log(), window: try InsightsWindow(from: from, to: streamed.window.to))
        #expect(windowed == expected)
    }

    @Test func sameReportOnSyntheticExport() throws {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = 20_000
        configuration.seed = 7
        let community = try SyntheticCommunityGenerator(configuration: configuration).generate()
        let data = ActivityLogWriter.write(community.log.records.reversed())  // any line order
        let streamed = try InsightsReport.compute(importing: data)
        let parsed = try InsightsReport.compute(from: try ActivityLogReader.read(data))
        #expect(streamed == parsed)
    }

    @Test(arguments: [
        (#"{"type":"zap","member":"a","t":"2026-03-01T10:00:00Z"}"#, "line 2: unknown type"),
        (#"{"type":"view","member":"b","t":"2026-03-01T10:00:00Z","resource":"r"}"#, "line 2: member \"b\" appears before"),
    ])
    func sameErrors(line: String, prefix: String) {
        let data = Data((#"{"type":"member","member":"a","t":"2026-03-01T09:00:00Z"}"# + "\n" + line + "\n").utf8)
        #expect { try InsightsReport.compute(importing: data) } throws: {
            ($0 as? CommunityError)?.message.hasPrefix(prefix) == true && ($0 as? CommunityError)?.field == "line 2"
        }
        #expect { try ActivityLogReader.read(data) } throws: {
            ($0 as? CommunityError)?.message.hasPrefix(prefix) == true
        }
    }
}
