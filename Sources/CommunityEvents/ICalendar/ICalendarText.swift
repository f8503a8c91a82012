/// The RFC 5545 text rules every iCalendar line follows: TEXT escaping (§3.3.11) and content-line
/// folding and unfolding (§3.1).
///
/// ```swift
/// ICalendarText.escape("Room 3; bring a laptop, or not\nThanks")
/// // "Room 3\\; bring a laptop\\, or not\\nThanks"
/// ICalendarText.fold("DESCRIPTION:" + String(repeating: "é", count: 40))
/// // two lines joined by CRLF + space, neither longer than 75 octets, no "é" split
/// ```
public enum ICalendarText {
    /// The longest physical line, in octets, excluding its CRLF (§3.1).
    public static let maximumLineOctets = 75

    /// Escapes a TEXT value (§3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, and each line break
    /// (LF, CRLF or CR) → `\n`. A colon is left as it is, as the RFC requires.
    ///
    /// - Parameter text: The text to write.
    /// - Returns: The escaped value.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Reads an escaped TEXT value back: `\\`, `\;`, `\,`, `\n` and `\N` as §3.3.11 defines them,
    /// and, leniently, `\:` as a colon. Any other backslash is kept as it is.
    ///
    /// - Parameter value: The escaped value (already unfolded).
    /// - Returns: The text.
    public static func unescape(_ value: some StringProtocol) -> String {
        guard value.contains("\\") else { return String(value) }
        var out = String.UnicodeScalarView()
        var escaping = false
        for scalar in value.unicodeScalars {
            if escaping {
                escaping = false
                switch scalar {
                case "n", "N": out.append("\n")
                case "\\", ";", ",", ":": out.append(scalar)
                default:
                    out.append("\\")
                    out.append(scalar)
                }
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.append(scalar)
            }
        }
        if escaping { out.append("\\") }
        return String(out)
    }

    /// Folds one content line so that no physical line exceeds 75 octets (§3.1): the first holds
    /// up to 75 octets, each continuation a space and up to 74. A fold never falls inside a UTF-8
    /// sequence, so every physical line is valid UTF-8 on its own.
    ///
    /// - Parameter line: The content line, without its line break.
    /// - Returns: The physical lines joined by CRLF + space, without a trailing CRLF.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > maximumLineOctets else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 24 + 3)
        var index = 0
        var limit = maximumLineOctets
        while index < bytes.count {
            var end = min(index + limit, bytes.count)
            // Step back to a scalar boundary: never cut before a continuation byte 10xxxxxx.
            while end < bytes.count, end > index, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if index > 0 { out.append(contentsOf: [13, 10, 32]) }
            out.append(contentsOf: bytes[index..<end])
            index = end
            limit = maximumLineOctets - 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unfolds iCalendar text into its logical content lines (§3.1): a line break (CRLF, or a
    /// bare LF as lenient readers accept) followed by one space or tab joins two physical lines.
    /// Unfolding works on octets, so a producer that folded inside a UTF-8 sequence still reads
    /// back intact. Empty lines are dropped.
    ///
    /// - Parameter text: The calendar text.
    /// - Returns: The logical lines, in order.
    public static func unfold(_ text: String) -> [String] {
        logicalLines(Array(text.utf8)).map(\.text)
    }

    /// The logical lines of calendar bytes, each with the number of the physical line it starts on.
    static func logicalLines(_ input: [UInt8]) -> [(line: Int, text: String)] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var result: [(line: Int, bytes: [UInt8])] = []
        var physical = 0
        var position = bytes.startIndex
        while position < bytes.endIndex {
            physical += 1
            let newline = bytes[position...].firstIndex(of: 10) ?? bytes.endIndex
            var end = newline
            if end > position, bytes[end - 1] == 13 { end -= 1 }
            let content = bytes[position..<end]
            position = newline < bytes.endIndex ? newline + 1 : newline
            if let first = content.first, first == 32 || first == 9, !result.isEmpty {
                result[result.count - 1].bytes.append(contentsOf: content.dropFirst())
            } else if !content.isEmpty {
                result.append((physical, Array(content)))
            }
        }
        return result.map { ($0.line, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    /// A parameter value, quoted when it holds `:`, `;` or `,` (§3.2); DQUOTE and control
    /// characters, which no parameter value may hold, are dropped.
    static func parameterValue(_ value: String) -> String {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.filter {
            $0 != "\"" && $0.properties.generalCategory != .control
        }))
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }
}
