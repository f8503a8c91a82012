@testable import CommunityInsights
import CommunityTesting
import Testing

/// `EngineState.ranks` orders names as `String`'s `<` does: comparing two ranks is comparing the
/// two names, equal (canonically equivalent) names included.
@Suite struct NameRankTests {
    @Test func ranksCompareAsTheNames() {
        var random = SplitMix64(seed: 8)
        var names = (0..<300).map { _ in "tag-" + String(random.next() % 120) }
        names += ["", "é", "e\u{301}", "Zoë", "zoe", "tag-1", "Tag-1", "東京", "🚀"]
        let ranks = EngineState.ranks(names)
        for i in names.indices {
            for j in names.indices {
                #expect((ranks[i] < ranks[j]) == (names[i] < names[j]), "\(names[i]) vs \(names[j])")
            }
        }
    }

    @Test func noNamesNoRanks() {
        #expect(EngineState.ranks([]).isEmpty)
    }
}
