import CommunityCore
import CommunityInsights
import CommunityTesting
import Foundation
import Testing

/// §6: the metrics recover the generator's true parameters within the specified tolerances
/// (PAS ± 0.02, top-10% share ± 0.03, unanswered rate ± 0.01, TTFR median ± 10%), at 100 k events.
@Suite struct SyntheticRecoveryTests {
    static let community: Result<SyntheticCommunity, CommunityError> = {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = 100_000
        configuration.seed = 2026
        do throws(CommunityError) {
            return .success(try SyntheticCommunityGenerator(configuration: configuration).generate())
        } catch {
            return .failure(error)
        }
    }()

    @Test func metricsRecoverTheManifest() throws {
        let community = try Self.community.get()
        let manifest = community.manifest
        let report = try InsightsReport.compute(from: community.log)
        let pas = try #require(report.peerAnswers.pas)
        let top10 = try #require(report.participation.top10PercentShare)
        let unanswered = try #require(report.unanswered.unansweredRate)
        let median = try #require(report.firstResponse.medianSeconds)
        #expect(abs(pas - manifest.pas) <= 0.02, "pas \(pas) vs \(manifest.pas)")
        #expect(abs(manifest.pas - 0.65) <= 0.01, "design PAS 0.65")
        #expect(abs(top10 - manifest.top10PercentShare) <= 0.03, "top 10% \(top10) vs \(manifest.top10PercentShare)")
        #expect(abs(unanswered - manifest.unansweredRate) <= 0.01, "unanswered \(unanswered) vs \(manifest.unansweredRate)")
        #expect(abs(median / manifest.ttfrMedianSeconds - 1) <= 0.10, "TTFR median \(median)")
    }

    @Test func sameSeedSameLog() throws {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = 20_000
        let a = try SyntheticCommunityGenerator(configuration: configuration).generate()
        let b = try SyntheticCommunityGenerator(configuration: configuration).generate()
        let same = a.log == b.log
        #expect(same)
        #expect(a.manifest == b.manifest)
        configuration.seed = 2
        let c = try SyntheticCommunityGenerator(configuration: configuration).generate()
        let different = c.log != a.log
        #expect(different)
    }

    @Test func exportOfSyntheticLogRoundTrips() throws {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = 20_000
        let community = try SyntheticCommunityGenerator(configuration: configuration).generate()
        let again = try ActivityLogReader.read(ActivityLogWriter.write(community.log.records))
        let same = again.records.map(\.event) == community.log.records.map(\.event)
        #expect(same)
    }

    @Test func tooSmallIsRejected() {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = 9_999
        #expect(throws: CommunityError.self) { try SyntheticCommunityGenerator(configuration: configuration).generate() }
    }
}
