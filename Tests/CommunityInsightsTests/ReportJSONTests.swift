import CommunityInsights
import Foundation
import Testing

@Suite struct ReportJSONTests {
    func json(_ report: InsightsReport) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try report.jsonData())
        return try #require(object as? [String: Any])
    }

    @Test func snakeCaseKeysAndExplicitNulls() throws {
        let root = try json(try GoldenFixture.report())
        #expect(root["schema_version"] as? Int == 1)
        let a1 = try #require(root["peer_answers"] as? [String: Any])
        #expect(a1["pas"] as? Double == 0.6)
        #expect(a1["pas_member_asked"] as? Double == 0.5)
        let a2 = try #require(root["member_initiated"] as? [String: Any])
        #expect(a2["mit_strict"] is NSNull)  // present, null
        let c6 = try #require(root["new_contributors"] as? [String: Any])
        #expect(c6["activation_rate"] is NSNull)
        let window = try #require(root["window"] as? [String: Any])
        #expect(window["evaluation_time"] as? String == "2026-03-08T10:00:00Z")
        let health = try #require(a1["health"] as? [String: Any])
        #expect(health["healthy"] as? Bool == true)
        #expect((health["benchmark"] as? String)?.contains("0.40") == true)
    }

    @Test func keysAreSortedAndStable() throws {
        let text = String(decoding: try GoldenFixture.report().jsonData(), as: UTF8.self)
        let daily = try #require(text.range(of: "\"daily_engaged_users\""))
        let volume = try #require(text.range(of: "\"volume\""))
        #expect(daily.lowerBound < volume.lowerBound)
        #expect(!text.contains("camelCase"))
        #expect(text.range(of: #""[a-z0-9_]*[A-Z][A-Za-z0-9_]*" :"#, options: .regularExpression) == nil)
    }
}
