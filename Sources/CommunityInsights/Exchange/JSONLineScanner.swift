/// A value of one top-level field of a JSON Lines object, as much as the exchange format needs.
enum JSONField {
    case string(String)
    case bool(Bool)
    case null
    case number
    /// An array whose elements are all strings.
    case stringArray([String])
    /// An array with at least one non-string element.
    case otherArray
    case object

    /// The JSON type name, for "expected a string, found a number" messages.
    var typeName: String {
        switch self {
        case .string: "a string"
        case .bool: "a boolean"
        case .null: "null"
        case .number: "a number"
        case .stringArray, .otherArray: "an array"
        case .object: "an object"
        }
    }
}

/// The top-level fields of one line, in order; lookups scan from the end so the last duplicate
/// key wins. A linear scan over a handful of small keys beats hashing into a dictionary per line.
struct JSONObjectFields {
    var keys: [String] = []
    var values: [JSONField] = []

    subscript(name: String) -> JSONField? {
        var i = keys.count - 1
        while i >= 0 {
            if keys[i] == name { return values[i] }
            i -= 1
        }
        return nil
    }
}

/// A hand-written scanner for one JSON object per line. It keeps the top-level fields and skips
/// nested values (unknown fields may hold anything valid). It is several times faster than
/// `JSONSerialization` or `JSONDecoder` per line (see `ActivityLogReader`).
struct JSONLineScanner {
    /// Why a line is not a JSON object; `column` is 1-based.
    struct Failure: Error {
        var column: Int
        var reason: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let end: Int
    private let lineStart: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        self.index = start
        self.end = end
        self.lineStart = start
    }

    private func fail(_ reason: String) -> Failure {
        Failure(column: index - lineStart + 1, reason: reason)
    }

    private mutating func skipWhitespace() {
        while index < end {
            let c = bytes[index]
            guard c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A else { return }
            index += 1
        }
    }

    /// Parses the whole line as one object and returns its top-level fields (last key wins).
    mutating func parseObject() throws(Failure) -> JSONObjectFields {
        skipWhitespace()
        guard index < end, bytes[index] == 0x7B else { throw fail("expected '{' (each line must be one JSON object)") }
        index += 1
        var fields = JSONObjectFields()
        fields.keys.reserveCapacity(8)
        fields.values.reserveCapacity(8)
        skipWhitespace()
        if index < end, bytes[index] == 0x7D {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard index < end, bytes[index] == 0x22 else { throw fail("expected a field name in double quotes") }
                let key = try parseString()
                skipWhitespace()
                guard index < end, bytes[index] == 0x3A else { throw fail("expected ':' after field name \"\(key)\"") }
                index += 1
                let value = try parseValue(depth: 0)
                fields.keys.append(key)
                fields.values.append(value)
                skipWhitespace()
                guard index < end else { throw fail("unterminated object: expected ',' or '}'") }
                if bytes[index] == 0x2C { index += 1; continue }
                if bytes[index] == 0x7D { index += 1; break }
                throw fail("expected ',' or '}'")
            }
        }
        skipWhitespace()
        guard index == end else { throw fail("unexpected text after the object") }
        return fields
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONField {
        guard depth < 64 else { throw fail("nesting deeper than 64 levels") }
        skipWhitespace()
        guard index < end else { throw fail("expected a value") }
        switch bytes[index] {
        case 0x22:
            return .string(try parseString())
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x5B:
            index += 1
            var strings: [String] = []
            var allStrings = true
            skipWhitespace()
            if index < end, bytes[index] == 0x5D {
                index += 1
                return .stringArray([])
            }
            while true {
                let element = try parseValue(depth: depth + 1)
                if case let .string(s) = element { strings.append(s) } else { allStrings = false }
                skipWhitespace()
                guard index < end else { throw fail("unterminated array") }
                if bytes[index] == 0x2C { index += 1; continue }
                if bytes[index] == 0x5D { index += 1; break }
                throw fail("expected ',' or ']' in array")
            }
            return allStrings ? .stringArray(strings) : .otherArray
        case 0x7B:
            index += 1
            skipWhitespace()
            if index < end, bytes[index] == 0x7D {
                index += 1
                return .object
            }
            while true {
                skipWhitespace()
                guard index < end, bytes[index] == 0x22 else { throw fail("expected a field name in double quotes") }
                _ = try parseString()
                skipWhitespace()
                guard index < end, bytes[index] == 0x3A else { throw fail("expected ':' in nested object") }
                index += 1
                _ = try parseValue(depth: depth + 1)
                skipWhitespace()
                guard index < end else { throw fail("unterminated nested object") }
                if bytes[index] == 0x2C { index += 1; continue }
                if bytes[index] == 0x7D { index += 1; break }
                throw fail("expected ',' or '}' in nested object")
            }
            return .object
        case 0x2D, 0x30...0x39:
            try skipNumber()
            return .number
        default:
            throw fail("unexpected character; expected a JSON value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { throw fail("invalid literal") }
        let start = word.utf8Start
        for i in 0..<count where bytes[index + i] != start[i] {
            throw fail("invalid literal")
        }
        index += count
    }

    private mutating func skipNumber() throws(Failure) {
        let start = index
        if bytes[index] == 0x2D { index += 1 }
        var digits = 0
        while index < end, (0x30...0x39).contains(bytes[index]) { index += 1; digits += 1 }
        guard digits > 0 else { throw fail("invalid number") }
        if index < end, bytes[index] == 0x2E {
            index += 1
            var fractionDigits = 0
            while index < end, (0x30...0x39).contains(bytes[index]) { index += 1; fractionDigits += 1 }
            guard fractionDigits > 0 else { throw fail("invalid number") }
        }
        if index < end, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < end, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            var exponentDigits = 0
            while index < end, (0x30...0x39).contains(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { throw fail("invalid number") }
        }
        _ = start
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1  // opening quote
        let start = index
        var allBits: UInt8 = 0
        while index < end {
            let c = bytes[index]
            if c == 0x22 {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                // ASCII (ids, kinds, instants: most strings) is valid UTF-8 as it is.
                if allBits < 0x80 { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
                return s
            }
            if c == 0x5C { break }
            guard c >= 0x20 else { throw fail("unescaped control character in string") }
            allBits |= c
            index += 1
        }
        // Slow path: escapes.
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < end {
            let c = bytes[index]
            if c == 0x22 {
                index += 1
                guard let s = String(validating: buffer, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
                return s
            }
            guard c >= 0x20 else { throw fail("unescaped control character in string") }
            if c != 0x5C {
                buffer.append(c)
                index += 1
                continue
            }
            index += 1
            guard index < end else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x2F: buffer.append(0x2F)
            case 0x62: buffer.append(0x08)
            case 0x66: buffer.append(0x0C)
            case 0x6E: buffer.append(0x0A)
            case 0x72: buffer.append(0x0D)
            case 0x74: buffer.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard end - index >= 6, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("unpaired surrogate in \\u escape")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw fail("invalid escape sequence")
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard end - index >= 4 else { throw fail("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
