/// Fast readers for the flat JSON shapes the store writes in its own columns — string lists and
/// string-to-integer maps such as `{"👍":2,"🎉":1}` — which rows decode by the hundred.
/// They accept exactly that shape without escapes and return `nil` on anything else, so the
/// caller falls back to `JSONDecoder` (same results, just slower).
enum FlatJSON {
    /// `["a","b"]` → `["a", "b"]`; `nil` if the text is not a flat list of escape-free strings.
    static func strings(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { strings(bytes: $0) }
    }

    /// ``strings(_:)`` on UTF-8 bytes (a column's, without making a String of them first).
    static func strings(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var utf8 = bytes[...]
        guard utf8.popFirst() == UInt8(ascii: "["), utf8.popLast() == UInt8(ascii: "]") else { return nil }
        var result: [String] = []
        if utf8.isEmpty { return result }
        while true {
            guard let value = string(&utf8) else { return nil }
            result.append(value)
            guard let next = utf8.popFirst() else { return result }
            guard next == UInt8(ascii: ",") else { return nil }
        }
    }

    /// `{"a":1,"b":2}` → `["a": 1, "b": 2]`; `nil` if the text is not a flat map of escape-free
    /// keys to integers.
    static func counts(_ text: String) -> [String: Int]? {
        var text = text
        return text.withUTF8 { counts(bytes: $0) }
    }

    /// ``counts(_:)`` on UTF-8 bytes (a column's, without making a String of them first).
    static func counts(bytes: UnsafeBufferPointer<UInt8>) -> [String: Int]? {
        var utf8 = bytes[...]
        guard utf8.popFirst() == UInt8(ascii: "{"), utf8.popLast() == UInt8(ascii: "}") else { return nil }
        var result: [String: Int] = [:]
        if utf8.isEmpty { return result }
        while true {
            guard let key = string(&utf8), utf8.popFirst() == UInt8(ascii: ":") else { return nil }
            var value = 0
            var negative = false
            var digits = 0
            if utf8.first == UInt8(ascii: "-") { negative = true; utf8.removeFirst() }
            while let byte = utf8.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
                digits += 1
                utf8.removeFirst()
            }
            guard digits > 0, result[key] == nil else { return nil }
            result[key] = negative ? -value : value
            guard let next = utf8.popFirst() else { return result }
            guard next == UInt8(ascii: ",") else { return nil }
        }
    }

    /// A quoted string without escapes, consumed from the front of `utf8`.
    private static func string(_ utf8: inout Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard utf8.popFirst() == UInt8(ascii: "\"") else { return nil }
        guard let end = utf8.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let bytes = utf8[utf8.startIndex..<end]
        guard !bytes.contains(UInt8(ascii: "\\")), !bytes.contains(where: { $0 < 0x20 }) else { return nil }
        utf8 = utf8[utf8.index(after: end)...]
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: Writing

    /// `["a","b"]`, with JSON string escaping.
    static func write(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            quote(string, into: &out)
        }
        return out + "]"
    }

    /// `{"a":1,"b":2}` with keys sorted (equal maps store equal text), JSON string escaping.
    static func write(_ counts: [String: Int]) -> String {
        var out = "{"
        for (index, key) in counts.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            quote(key, into: &out)
            out += ":" + String(counts[key] ?? 0)
        }
        return out + "}"
    }

    /// `{"a":"x","b":"y"}` with keys sorted, JSON string escaping.
    static func write(_ map: [String: String]) -> String {
        var out = "{"
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            quote(key, into: &out)
            out += ":"
            quote(map[key] ?? "", into: &out)
        }
        return out + "}"
    }

    /// Appends `text` as a JSON string: `"` and `\` escaped, control characters as `\u00XX`.
    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
