@testable import CommunityDiscussions
import CommunityTesting
import Testing

/// The scalar path of the excerpt gives exactly the Character path's result wherever it is
/// taken, on seeded random Markdown-like text.
@Suite struct PostContentExcerptTests {
    static let pieces: [String] = [
        "a", "é", "Z", "9", " ", "  ", "\n", "\r", "\t", "\u{A0}", "\u{85}", "!", "[", "]", "(", ")", "<", ">", "/", "#", ">", "- ", "* ",
        "+ ", "```", "`", "*", "_", "~", "ß", "œ", "ǅ", "ʰ", "word", "café", "https://swift.org", "@ada", "#tag",
    ]

    @Test func scalarExcerptIsTheCharacterExcerpt() {
        var rng = SplitMix64(seed: 11)
        var compared = 0
        for round in 0..<4_000 {
            var text = ""
            let length = round % 10 == 0 ? 120 + Int(rng.next() % 300) : Int(rng.next() % 40)
            for _ in 0..<length { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            guard PostContent.isOneScalarPerCharacter(text) else { continue }
            #expect(PostContent.scalarExcerpt(of: text) == PostContent.characterExcerpt(of: text), "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 3_000, "most random texts take the scalar path")
    }

    @Test func textWithClustersTakesTheCharacterPath() {
        #expect(!PostContent.isOneScalarPerCharacter("e\u{301}"))
        #expect(!PostContent.isOneScalarPerCharacter("a\r\nb"))
        #expect(!PostContent.isOneScalarPerCharacter("👩‍👩‍👧"))
        #expect(PostContent.isOneScalarPerCharacter("Événement à Paris\n\r"))
        #expect(PostContent(markdown: "**Bonjour** à tous, [voir](https://x.org) <b>ici</b>").excerpt == "Bonjour à tous, voir ici")
    }
}
