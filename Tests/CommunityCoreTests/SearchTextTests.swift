import CommunityCore
import CommunityTesting
import Testing

/// The table-driven path of `SearchText.tokens` for Latin text gives exactly the words of
/// Foundation's folding (`foldedTokens`), on every covered scalar and on seeded random text.
@Suite struct SearchTextTests {
    @Test func everyLatinScalarFoldsAsFoundationFoldsIt() {
        for value in UInt32(0)..<0x250 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "ab\(scalar)cd", "\(scalar)\(scalar) x\(scalar)"] {
                #expect(SearchText.tokens(of: text) == SearchText.foldedTokens(of: text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test func randomLatinTextFoldsAsFoundationFoldsIt() {
        var rng = SplitMix64(seed: 5)
        let common = Array("aeiouAEIOU éèêëàâçîïôûùüÿœæÉÈÀÇßŒÆ -'.,;:!?\n\r\t0123456789@#")
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) {
                if rng.next() % 3 == 0, let scalar = Unicode.Scalar(UInt32(rng.next() % 0x250)) {
                    text.unicodeScalars.append(scalar)
                } else {
                    text.append(common[Int(rng.next() % UInt64(common.count))])
                }
            }
            #expect(SearchText.tokens(of: text) == SearchText.foldedTokens(of: text), "\(text.debugDescription)")
        }
    }

    @Test func otherTextTakesFoundationsPath() {
        for text in ["Straße und Fußgänger", "e\u{301}te\u{301}", "日本語のテキスト", "ＡＢＣ wide", "Ἀθῆναι", "İstanbul", "ǅemal"] {
            #expect(SearchText.tokens(of: text) == SearchText.foldedTokens(of: text), "\(text)")
        }
        #expect(SearchText.tokens(of: "Événement à PARIS, c'est l'été!") == ["evenement", "a", "paris", "c", "est", "l", "ete"])
    }
}
