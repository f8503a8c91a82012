@testable import CommunityInsights
import CommunityTesting
import Testing

/// The §4 keyword rules on resource and event identifiers: the byte-level search that serves
/// ASCII identifiers decides as `lowercased().contains` does, and the letter bits follow
/// `SpicesLetter.allCases`.
@Suite struct SpicesKeywordTests {
    static let keywordLists: [[String]] = [
        ["learning", "onboarding"], ["guide", "tutorial"], ["research", "beta", "interview"],
        ["training", "learning", "onboarding"],
    ]

    /// Identifiers made of keyword pieces, case changes, separators and now and then a
    /// non-ASCII character (which takes the general path), CR LF included.
    static func randomID(_ random: inout SplitMix64) -> String {
        let pieces = ["guide", "GUIDE", "Gui", "de", "tuto", "rial", "Learning", "onboard", "ing", "BETA", "bet",
                      "interview", "research", "train", "-", "_", "/", " ", "\r\n", "é", "İ", "ß", "K", "🎉", "x", "7"]
        let count = Int(random.next() % 7)
        return (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func keywordSearchMatchesLowercasedContains() {
        var random = SplitMix64(seed: 45)
        var matched = 0
        for _ in 0..<5_000 {
            let id = Self.randomID(&random)
            for words in Self.keywordLists {
                let expected = words.contains(where: id.lowercased().contains)
                #expect(Spices.mentions(id, anyOf: words) == expected, "\(id.debugDescription) \(words)")
                if expected { matched += 1 }
            }
        }
        // The sample exercises both answers.
        #expect(matched > 1_000)
    }

    @Test func keywordSearchEdgeCases() {
        #expect(Spices.mentions("guide", anyOf: ["guide"]))
        #expect(Spices.mentions("My-GUIDE", anyOf: ["guide"]))
        #expect(!Spices.mentions("guid", anyOf: ["guide"]))
        #expect(!Spices.mentions("", anyOf: ["guide"]))
        #expect(Spices.mentions("xguidex", anyOf: ["tutorial", "guide"]))
        #expect(Spices.mentions("Étude-GUIDE", anyOf: ["guide"]))
        #expect(Spices.resourceLetters("Onboarding-Guide", map: [:]) == Spices.bit(.success) | Spices.bit(.content))
        #expect(Spices.eventLetters("spring-BETA", map: [:]) == Spices.bit(.insight))
        #expect(Spices.eventLetters("meetup", map: [:]) == Spices.bit(.engagement))
    }

    @Test func letterBitsFollowAllCases() {
        for (i, letter) in SpicesLetter.allCases.enumerated() {
            #expect(Spices.bit(letter) == UInt8(1) << UInt8(i))
        }
    }
}
