import CommunityInsights
import Foundation

/// Loads `Fixtures/golden.jsonl` next to this file (no bundle resources needed).
enum GoldenFixture {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden.jsonl")
    }

    static func log() throws -> ActivityLog {
        try ActivityLogReader.read(contentsOf: url)
    }

    static func report() throws -> InsightsReport {
        try InsightsReport.compute(from: log())
    }
}
