/// The fast path of ``PostContent/plainText(_:)`` and ``PostContent/excerpt(of:)``: the same
/// steps on an array of scalars instead of Characters, for text where the two are the same
/// thing — every scalar below U+0300 (no combining mark, no multi-scalar cluster) and no CR
/// directly followed by LF (the one such pair that forms a single Character).
extension PostContent {
    /// Whether every Character of `text` is exactly one scalar, by the sufficient rule above.
    static func isOneScalarPerCharacter(_ text: String) -> Bool {
        var previousIsCR = false
        for scalar in text.unicodeScalars {
            guard scalar.value < ScalarClass.limit, !(previousIsCR && scalar == "\n") else { return false }
            previousIsCR = scalar == "\r"
        }
        return true
    }

    /// ``plainText(_:)`` for text that ``isOneScalarPerCharacter(_:)``.
    static func scalarPlainText(_ markdown: String) -> [Unicode.Scalar] {
        let source = Array(markdown.unicodeScalars)
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(source.count + 16)
        var inFence = false
        var lineStart = 0
        while lineStart <= source.count {
            let lineEnd = source[lineStart...].firstIndex(of: "\n") ?? source.count
            var line = source[lineStart..<lineEnd].drop { $0 == " " }
            lineStart = lineEnd + 1
            if line.starts(with: ["`", "`", "`"]) { inFence.toggle(); continue }
            if inFence { continue }
            while let first = line.first, first == "#" || first == ">" { line = line.dropFirst().drop { $0 == " " } }
            if line.starts(with: ["-", " "]) || line.starts(with: ["*", " "]) || line.starts(with: ["+", " "]) { line = line.dropFirst(2) }
            text += line
            text.append(" ")
        }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if scalar == "!", index + 1 < text.count, text[index + 1] == "[" {
                index += 1
                continue
            }
            if scalar == "[", let close = text[index...].firstIndex(of: "]"), close + 1 < text.count, text[close + 1] == "(",
               let paren = text[close...].firstIndex(of: ")") {
                output += text[(index + 1)..<close]
                index = paren + 1
                continue
            }
            if scalar == "<", let close = text[index...].firstIndex(of: ">"), close - index < 100,
               index + 1 < text.count, ScalarClass.isLetter(text[index + 1]) || text[index + 1] == "/" {
                index = close + 1
                continue
            }
            if scalar == "*" || scalar == "_" || scalar == "~" || scalar == "`" { index += 1; continue }
            output.append(scalar)
            index += 1
        }
        // Whitespace runs collapse to one space; none at either end.
        var collapsed: [Unicode.Scalar] = []
        collapsed.reserveCapacity(output.count)
        var pendingSpace = false
        for scalar in output {
            if ScalarClass.isWhitespace(scalar) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(" ") }
                pendingSpace = false
                collapsed.append(scalar)
            }
        }
        return collapsed
    }

    /// ``excerpt(of:)`` for text that ``isOneScalarPerCharacter(_:)``.
    static func scalarExcerpt(of markdown: String) -> String {
        let plain = scalarPlainText(markdown)
        guard plain.count > excerptLength else { return string(plain[...]) }
        let cut = plain.prefix(excerptLength - 1)
        if let space = cut.lastIndex(of: " "), space > excerptLength / 2 {
            return string(cut[..<space]) + "…"
        }
        return string(cut) + "…"
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// Character classes of the scalars below ``limit``, computed once from `Character` itself.
private enum ScalarClass {
    static let limit: UInt32 = 0x300

    private static let classes: [(isWhitespace: Bool, isLetter: Bool)] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return (false, false) }
        let character = Character(scalar)
        return (character.isWhitespace, character.isLetter)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.value < limit && classes[Int(scalar.value)].isWhitespace }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.value < limit && classes[Int(scalar.value)].isLetter }
}
