import CommunityDiscussions
import Testing

@Suite struct PostContentTests {
    @Test func extractsMentionsTagsAndLinks() {
        let content = PostContent(markdown: """
            Hey @Ada and @bob.smith, mail me at me@example.com.
            Read [the docs](https://swift.org/documentation) or http://example.com/a?b=1.
            #Swift #server-side #42 #swift
            """)
        #expect(content.mentionedHandles == ["ada", "bob.smith"])
        #expect(content.tags == ["swift", "server-side"])
        #expect(content.links == ["https://swift.org/documentation", "http://example.com/a?b=1"])
    }

    @Test func codeIsNotMentionsOrTags() {
        let content = PostContent(markdown: """
            Use `@Sendable` here, then:
            ```swift
            @MainActor func f() {} // #notatag
            ```
            ok @real
            """)
        #expect(content.mentionedHandles == ["real"])
        #expect(content.tags.isEmpty)
    }

    @Test func excerptIsPlainTextCutAtAWordBoundary() {
        let markdown = "# Title\n> quoted **bold** _it_ ~~gone~~ ![img](x.png) [link text](https://a.b) <b>html</b>\n\n```\ncode\n```\n"
            + String(repeating: "mot ", count: 80)
        let excerpt = PostContent(markdown: markdown).excerpt
        #expect(excerpt.hasPrefix("Title quoted bold it gone img link text html mot mot"))
        #expect(!excerpt.contains("code") && !excerpt.contains("*") && !excerpt.contains("https"))
        #expect(excerpt.count <= PostContent.excerptLength)
        #expect(excerpt.hasSuffix("mot…"))
    }

    @Test func shortBodiesAreKeptWhole() {
        #expect(PostContent(markdown: "Merci  pour\n\nl'événement !").excerpt == "Merci pour l'événement !")
    }

    @Test(arguments: 0..<200)
    func neverCrashesOnArbitraryText(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        let alphabet = Array("@#`*_[]()<>!~ \n\thttps://é👩‍👩‍👧abc.-")
        let text = String((0..<((seed * 7) % 300)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return alphabet[Int(state >> 33) % alphabet.count]
        })
        let content = PostContent(markdown: text)
        #expect(content.excerpt.count <= PostContent.excerptLength)
        #expect(content.mentionedHandles.allSatisfy { (2...30).contains($0.count) })
    }
}
