import CommunityEvents
import Foundation
import CommunityTesting
import Testing

@Suite struct ICalendarTextTests {
    @Test func escapesBackslashSemicolonCommaAndNewlines() {
        #expect(ICalendarText.escape(#"a\b;c,d:e"#) == #"a\\b\;c\,d:e"#)
        #expect(ICalendarText.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarText.escape("") == "")
    }

    @Test func unescapesEveryEscapeAndKeepsUnknownOnes() {
        #expect(ICalendarText.unescape(#"a\\b\;c\,d\ne\Nf\:g"#) == "a\\b;c,d\ne\nf:g")
        #expect(ICalendarText.unescape(#"C:\x"#) == #"C:\x"#, "an unknown escape is kept")
        #expect(ICalendarText.unescape(#"end\"#) == #"end\"#, "a trailing backslash is kept")
        #expect(ICalendarText.unescape(#"\\n"#) == #"\n"#, "an escaped backslash before n is not a newline")
    }

    @Test(arguments: [74, 75, 76, 150, 151, 300])
    func foldsASCIIAt75Octets(length: Int) {
        let line = "X:" + String(repeating: "a", count: length - 2)
        let folded = ICalendarText.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.count == (length <= 75 ? 1 : 1 + (length - 75 + 73) / 74))
        if length == 75 { #expect(folded == line, "exactly 75 octets is not folded") }
        if length == 76 { #expect(physical == [String(line.prefix(75)), " a"], "76 octets fold after the 75th") }
        #expect(ICalendarText.unfold(folded) == [line])
    }

    @Test(arguments: ["é", "€", "😀", "👩‍👩‍👧", "e\u{301}"])
    func foldsMultiByteCharactersWithoutSplittingThem(character: String) {
        for prefix in 0..<5 {
            let line = "DESCRIPTION:" + String(repeating: "a", count: prefix) + String(repeating: character, count: 40)
            let folded = ICalendarText.fold(line)
            let physical = folded.components(separatedBy: "\r\n")
            for piece in physical {
                #expect(piece.utf8.count <= 75)
                #expect(piece.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" }, "each line is valid UTF-8 on its own")
            }
            // A full line: the fold only stepped back as far as a scalar boundary needs.
            #expect(physical[0].utf8.count > 75 - 4)
            #expect(ICalendarText.unfold(folded) == [line])
        }
    }

    @Test func foldsA75OctetLineEndingInAMultiByteCharacterAsIs() {
        let line = String(repeating: "a", count: 73) + "é"   // 73 + 2 = 75 octets
        #expect(ICalendarText.fold(line) == line)
        let longer = String(repeating: "a", count: 74) + "é"  // 76 octets: é moves whole to the next line
        #expect(ICalendarText.fold(longer) == String(repeating: "a", count: 74) + "\r\n é")
    }

    @Test func unfoldsCRLFAndLFWithSpaceOrTab() {
        let text = "BEGIN:VCALENDAR\r\nSUMMARY:Swift\r\n  on the\r\n\tserver\nDESCRIPTION:a\n b\r\n\r\nEND:VCALENDAR"
        #expect(ICalendarText.unfold(text) == ["BEGIN:VCALENDAR", "SUMMARY:Swift on theserver", "DESCRIPTION:ab", "END:VCALENDAR"])
    }

    @Test func unfoldsAFoldInsideAUTF8SequenceFromAnotherProducer() throws {
        // "é" is C3 A9; a careless producer folded between the two octets. Data input unfolds octets first.
        var bytes = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260303T170000Z\r\nSUMMARY:caf".utf8)
        bytes += [0xC3, 13, 10, 32, 0xA9]
        bytes += Array("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let events = try ICalendar().events(from: Data(bytes))
        #expect(events.map(\.draft.title) == ["café"])
    }

    @Test func randomTextsSurviveEscapeFoldUnfoldUnescape() {
        var random = SplitMix64(seed: 0x1CA1_E4DA)
        let alphabet: [String] = ["a", "Z", "0", " ", "\\", ";", ",", ":", "\"", "\n", "\t", "é", "€", "😀", "中", "e\u{301}",
                                  "👩‍👩‍👧", "\\n", "\\;", "N", "=", "ß"]
        for _ in 0..<500 {
            let length = Int.random(in: 0...160, using: &random)
            let text = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }.joined()
            let line = "DESCRIPTION:" + ICalendarText.escape(text)
            let folded = ICalendarText.fold(line)
            #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            let unfolded = ICalendarText.unfold(folded + "\r\n")
            #expect(unfolded.count == 1)
            let value = unfolded.first.map { String($0.dropFirst("DESCRIPTION:".count)) } ?? ""
            #expect(ICalendarText.unescape(value) == text)
        }
    }
}
