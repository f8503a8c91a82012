import CommunityCore
import CommunityTesting
import Foundation
import Testing

/// Property-style checks of the validators over seeded random input: they never crash, and
/// what they accept satisfies the documented syntax.
@Suite struct ValidationPropertyTests {

    static let alphabet: [Character] = Array("abcXYZ019_.-  é👩‍👩‍👧\u{0000}\u{0007}\n\t#/:") + ["\u{202E}"]

    static func randomString(_ rng: inout SplitMix64) -> String {
        String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    @Test func handlesAcceptedAreWellFormed() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let input = Self.randomString(&rng)
            do {
                let handle = try Validate.handle(input)
                #expect((2...30).contains(handle.count))
                #expect(handle.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "_.-".contains($0)) })
            } catch let error as CommunityError {
                #expect(error.code == .invalidInput && error.field == "handle")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func namesAcceptedHaveNoControlCharactersAndFit() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let input = Self.randomString(&rng)
            do {
                let name = try Validate.name(input, field: "name", max: 20)
                #expect(!name.isEmpty && name.count <= 20)
                #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .control })
                #expect(name == name.trimmingCharacters(in: .whitespacesAndNewlines))
            } catch let error as CommunityError {
                #expect(error.code == .invalidInput && error.field == "name")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func lengthsCountWhatPeopleSee() throws {
        try Validate.length(String(repeating: "👩‍👩‍👧", count: 10), field: "x", max: 10)
        #expect(throws: CommunityError.self) { try Validate.length(String(repeating: "é", count: 11), field: "x", max: 10) }
    }

    @Test func searchTextFoldsCaseAndAccents() throws {
        #expect(SearchText.tokens(of: "Événement à PARIS, c'est l'été!") == ["evenement", "a", "paris", "c", "est", "l", "ete"])
        #expect(try DirectoryQuery("Éloïse  élo").terms == ["elo", "eloise"])
    }
}
