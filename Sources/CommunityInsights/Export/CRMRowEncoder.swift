import Foundation

/// Byte-level encoding of one CRM row (``CRMExport``), appended to a buffer without
/// intermediate strings: the export writes 100 k+ rows.
enum CRMRowEncoder {
    static let jsonKeys: [[UInt8]] = CRMExport.columns.map { Array(("\"" + $0 + "\":").utf8) }

    /// Appends `member`'s row with its line end. With `love: false` the `love` field is left
    /// out (the ``CRMSnapshot`` fingerprint).
    static func append(_ m: MemberInsight, format: CRMFormat, into out: inout [UInt8], love: Bool = true) {
        var w = Writer(format: format)
        if format == .jsonLines { out.append(UInt8(ascii: "{")) }
        let s = m.spicesProfile
        w.string(m.member, &out)
        w.bool(m.staff, &out)
        if love { w.number(m.love, &out) } else { w.index += 1 }
        w.int(m.orbitLevel, &out)
        w.bool(m.champion, &out)
        w.bool(m.emerging, &out)
        w.list(m.championReasons, &out)
        w.list(m.topInterests, &out)
        w.number(s.support, &out)
        w.number(s.product, &out)
        w.number(s.insight, &out)
        w.number(s.content, &out)
        w.number(s.engagement, &out)
        w.number(s.success, &out)
        w.number(s.acquisition, &out)
        w.time(m.lastActiveAt, &out)
        w.bool(m.atRisk, &out)
        w.time(m.firstPostAt, &out)
        w.int(m.acceptedAnswers, &out)
        w.int(m.peerFirstResponses, &out)
        if format == .jsonLines {
            out.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
        } else {
            out.append(contentsOf: [0x0D, 0x0A])
        }
    }

    struct Writer {
        let format: CRMFormat
        var index = 0
        var written = 0

        /// The separator and, for JSON, the key of the next field.
        mutating func next(_ out: inout [UInt8]) {
            if written > 0 { out.append(UInt8(ascii: ",")) }
            if format == .jsonLines { out.append(contentsOf: CRMRowEncoder.jsonKeys[index]) }
            index += 1
            written += 1
        }

        mutating func null(_ out: inout [UInt8]) {
            if format == .jsonLines { out.append(contentsOf: "null".utf8) }
        }

        mutating func string(_ text: String, _ out: inout [UInt8]) {
            next(&out)
            if format == .jsonLines { CRMRowEncoder.appendJSON(text, &out) } else { CRMRowEncoder.appendCSV(text.utf8, &out) }
        }

        mutating func bool(_ value: Bool, _ out: inout [UInt8]) {
            next(&out)
            out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        }

        mutating func int(_ value: Int?, _ out: inout [UInt8]) {
            next(&out)
            guard let value else { return null(&out) }
            out.append(contentsOf: String(value).utf8)
        }

        mutating func number(_ value: Double?, _ out: inout [UInt8]) {
            next(&out)
            guard let value, value.isFinite else { return null(&out) }
            out.append(contentsOf: CRMRowEncoder.number(value).utf8)
        }

        mutating func time(_ value: Date?, _ out: inout [UInt8]) {
            next(&out)
            guard let value else { return null(&out) }
            if format == .jsonLines { out.append(UInt8(ascii: "\"")) }
            CRMRowEncoder.appendTime(value, &out)
            if format == .jsonLines { out.append(UInt8(ascii: "\"")) }
        }

        mutating func list(_ items: [String], _ out: inout [UInt8]) {
            next(&out)
            if format == .jsonLines {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    CRMRowEncoder.appendJSON(item, &out)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            // `;`-joined, `\` → `\\`, `;` → `\;`, then CSV-quoted as one field.
            var cell: [UInt8] = []
            for (i, item) in items.enumerated() {
                if i > 0 { cell.append(UInt8(ascii: ";")) }
                for byte in item.utf8 {
                    if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ";") { cell.append(UInt8(ascii: "\\")) }
                    cell.append(byte)
                }
            }
            CRMRowEncoder.appendCSV(cell, &out)
        }
    }

    /// RFC 3339 UTC, as `RFC3339.format` writes it, straight into bytes.
    static func appendTime(_ date: Date, _ out: inout [UInt8]) {
        let interval = date.timeIntervalSince1970
        var whole = interval.rounded(.down)
        var micros = ((interval - whole) * 1_000_000).rounded()
        if micros >= 1_000_000 {
            whole += 1
            micros -= 1_000_000
        }
        guard abs(whole) < 1e14, (0...9999).contains(RFC3339.civilFromDays(Int(whole) / 86_400).0) else {
            out.append(contentsOf: RFC3339.format(date).utf8)  // out-of-range years: the slow path
            return
        }
        let total = Int(whole)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let second = total - days * 86_400
        let (y, m, d) = RFC3339.civilFromDays(days)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                out.append(0x30 + UInt8(v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
        digits(y, 4); out.append(0x2D); digits(m, 2); out.append(0x2D); digits(d, 2); out.append(0x54)
        digits(second / 3600, 2); out.append(0x3A); digits(second / 60 % 60, 2); out.append(0x3A); digits(second % 60, 2)
        if micros > 0 {
            out.append(0x2E)
            var fraction = Int(micros), width = 6
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            digits(fraction, width)
        }
        out.append(0x5A)
    }

    /// The shortest text that reads back to the same `Double`; integers without `.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// An RFC 4180 field: quoted when it holds `,`, `"`, CR or LF, inner quotes doubled.
    static func appendCSV(_ bytes: some Collection<UInt8>, _ out: inout [UInt8]) {
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or
    /// `\u00XX`; other bytes (UTF-8) verbatim.
    static func appendJSON(_ text: String, _ out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        appendJSON(text, &out)
        return String(decoding: out, as: UTF8.self)
    }
}
