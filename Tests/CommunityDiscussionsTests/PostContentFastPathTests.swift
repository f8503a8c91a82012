@testable import CommunityDiscussions
import CommunityTesting
import Testing

/// The byte-level shortcuts of ``PostContent`` (no backtick, no marker, no `http`) give exactly
/// what the general Character paths give, on seeded random Markdown-like text, with and
/// without the bytes that disable them.
@Suite struct PostContentFastPathTests {
    static let pieces: [String] = PostContentExcerptTests.pieces + [
        "http", "htt", "http://", "https://x.org/a?b=c.", "@", "@@", "a@b", "#", "##x", "e\u{301}", "@\u{301}", "`x`", "```\ncode\n```",
        "👩‍👩‍👧", "\r\n",
    ]

    @Test func shortcutsGiveTheGeneralResult() {
        var rng = SplitMix64(seed: 2026)
        var shortcuts = (code: 0, mentions: 0, links: 0)
        for round in 0..<6_000 {
            var text = ""
            let length = round % 10 == 0 ? 100 + Int(rng.next() % 300) : Int(rng.next() % 30)
            for _ in 0..<length { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            #expect(PostContent.removingCode(text) == PostContent.removingCodeByLine(text), "\(text.debugDescription)")
            for marker: Character in ["@", "#"] {
                #expect(PostContent.words(in: text, after: marker) == PostContent.wordsByCharacter(in: text, after: marker), "\(text.debugDescription)")
            }
            #expect(PostContent.links(in: text) == PostContent.linksBySearch(in: text), "\(text.debugDescription)")
            if !text.contains("`") { shortcuts.code += 1 }
            if !text.contains("@") { shortcuts.mentions += 1 }
            if !text.contains("http") { shortcuts.links += 1 }
        }
        #expect(shortcuts.code > 1_000 && shortcuts.mentions > 1_000 && shortcuts.links > 1_000, "every shortcut is taken often: \(shortcuts)")
    }
}
