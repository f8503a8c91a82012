import Foundation

/// What the SDK extracts from a Markdown post body: `@mentions`, `#tags`, links and a plain-text excerpt.
///
/// The body is stored as written; this is derived data. Code spans and fenced code blocks are
/// ignored for mentions and tags (`@Sendable` in code is not a mention).
///
/// ```swift
/// let content = PostContent(markdown: "Thanks **@ada**! See https://swift.org #swift")
/// content.mentionedHandles  // ["ada"]
/// content.tags              // ["swift"]
/// content.links             // ["https://swift.org"]
/// content.excerpt           // "Thanks @ada! See https://swift.org #swift"
/// ```
public struct PostContent: Hashable, Sendable {
    /// Lowercased handles written as `@handle`, in order of first appearance.
    public let mentionedHandles: [String]
    /// Lowercased tags written as `#tag`, in order of first appearance.
    public let tags: [String]
    /// `http(s)` links, bare or in `[text](url)`, in order of first appearance.
    public let links: [String]
    /// Plain text without markup, at most ``excerptLength`` characters, cut at a word boundary.
    public let excerpt: String

    /// The longest excerpt.
    public static let excerptLength = 200

    /// Extracts the content of a Markdown body.
    public init(markdown: String) {
        let prose = Self.removingCode(markdown)
        mentionedHandles = Self.unique(Self.words(in: prose, after: "@").compactMap { word in
            let handle = word.lowercased().trimmingTrailing { $0 == "." || $0 == "-" }
            return (2...30).contains(handle.count) ? handle : nil
        })
        tags = Self.unique(Self.words(in: prose, after: "#").compactMap { word in
            let tag = word.lowercased().trimmingTrailing { $0 == "." || $0 == "-" }
            return (1...40).contains(tag.count) && tag.first?.isLetter == true ? tag : nil
        })
        links = Self.unique(Self.links(in: markdown))
        excerpt = Self.excerpt(of: markdown)
    }

    // MARK: Parsing

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The text without fenced code blocks and inline code spans. Without a backtick there is no
    /// code: every line comes back as it was, each ending in a newline.
    static func removingCode(_ text: String) -> String {
        Self.mayContain(text, "`") ? removingCodeByLine(text) : text + "\n"
    }

    /// Whether the text's UTF-8 may hold the bytes of the ASCII `needle`: `false` only when it
    /// surely does not (an ASCII byte is never part of another character's encoding), which
    /// lets a scan for the needle be skipped.
    static func mayContain(_ text: String, _ needle: String) -> Bool {
        // The needle's bytes in place (`withUTF8`: no array per call on the reply path).
        var needle = needle
        return needle.withUTF8 { needle in
            text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                guard let first = needle.first, utf8.count >= needle.count else { return needle.isEmpty }
                for start in 0...(utf8.count - needle.count) where utf8[start] == first {
                    if needle.indices.allSatisfy({ utf8[start + $0] == needle[$0] }) { return true }
                }
                return false
            } ?? true
        }
    }

    /// ``removingCode(_:)`` line by line, for any text.
    static func removingCodeByLine(_ text: String) -> String {
        var output = ""
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingLeading(while: { $0 == " " }).hasPrefix("```") {
                inFence.toggle()
                output += "\n"
                continue
            }
            if inFence { output += "\n"; continue }
            var inSpan = false
            for character in line {
                if character == "`" { inSpan.toggle(); output.append(" "); continue }
                output.append(inSpan ? " " : character)
            }
            output += "\n"
        }
        return output
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
    }

    /// Words that directly follow `marker` (an ASCII character) where the marker starts a word
    /// (`a@b` is an address, not a mention). A text without the marker's byte has none.
    static func words(in text: String, after marker: Character) -> [String] {
        if marker.isASCII, !Self.mayContain(text, String(marker)) { return [] }
        return wordsByCharacter(in: text, after: marker)
    }

    /// ``words(in:after:)`` on Characters, for any text.
    static func wordsByCharacter(in text: String, after marker: Character) -> [String] {
        var results: [String] = []
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == marker, !(previous.isLetter || previous.isNumber || previous == "/" || previous == marker) {
                var end = text.index(after: index)
                while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
                let word = String(text[text.index(after: index)..<end])
                if !word.isEmpty { results.append(word) }
                previous = text[text.index(before: end)]
                index = end
                continue
            }
            previous = character
            index = text.index(after: index)
        }
        return results
    }

    /// The `http://` and `https://` links of the text. A text without the bytes `http` has none.
    static func links(in text: String) -> [String] {
        mayContain(text, "http") ? linksBySearch(in: text) : []
    }

    /// ``links(in:)`` by searching the text, for any text.
    static func linksBySearch(in text: String) -> [String] {
        var results: [String] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "http", range: searchStart..<text.endIndex) {
            let rest = text[range.lowerBound...]
            if rest.hasPrefix("https://") || rest.hasPrefix("http://") {
                var end = range.lowerBound
                while end < text.endIndex, !text[end].isWhitespace, !"<>\"'`)]".contains(text[end]) { end = text.index(after: end) }
                var link = String(text[range.lowerBound..<end])
                while let last = link.last, ".,;:!?".contains(last) { link.removeLast() }
                if link.count > 8 { results.append(link) }
                searchStart = end
            } else {
                searchStart = range.upperBound
            }
        }
        return results
    }

    /// Markdown reduced to plain text: no code blocks, emphasis, headings, quotes, images or HTML;
    /// `[text](url)` becomes `text`; whitespace collapsed.
    static func plainText(_ markdown: String) -> String {
        var text = ""
        var inFence = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine).trimmingLeading(while: { $0 == " " })
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            while let first = line.first, "#>".contains(first) { line = line.dropFirst().trimmingLeading(while: { $0 == " " }) }
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { line = line.dropFirst(2) }
            text += String(line) + " "
        }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "!", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "[" {
                index = text.index(after: index)
                continue
            }
            if character == "[", let close = text[index...].firstIndex(of: "]"), text.index(after: close) < text.endIndex,
               text[text.index(after: close)] == "(", let paren = text[close...].firstIndex(of: ")") {
                output += text[text.index(after: index)..<close]
                index = text.index(after: paren)
                continue
            }
            if character == "<", let close = text[index...].firstIndex(of: ">"), text.distance(from: index, to: close) < 100,
               text[text.index(after: index)...].first.map({ $0.isLetter || $0 == "/" }) == true {
                index = text.index(after: close)
                continue
            }
            if "*_~`".contains(character) { index = text.index(after: index); continue }
            output.append(character)
            index = text.index(after: index)
        }
        return output.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func excerpt(of markdown: String) -> String {
        isOneScalarPerCharacter(markdown) ? scalarExcerpt(of: markdown) : characterExcerpt(of: markdown)
    }

    /// ``excerpt(of:)`` on Characters, for any text.
    static func characterExcerpt(of markdown: String) -> String {
        let plain = plainText(markdown)
        guard plain.count > excerptLength else { return plain }
        let cut = plain.prefix(excerptLength - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > excerptLength / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}

extension StringProtocol {
    func trimmingLeading(while predicate: (Character) -> Bool) -> SubSequence {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }

    func trimmingTrailing(while predicate: (Character) -> Bool) -> String {
        var result = String(self)
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
