import Foundation

/// Parsing and formatting of RFC 3339 timestamps (`2026-03-01T18:00:00Z`, optional fractional
/// seconds, `Z` or a numeric offset), without `DateFormatter`: the reader parses millions of them.
enum RFC3339 {
    /// Parses `text` as an RFC 3339 date-time; `nil` if malformed or out of range.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses `bytes` as an RFC 3339 date-time; `nil` if malformed or out of range.
    static func parse(_ bytes: some Collection<UInt8>) -> Date? {
        Array(bytes).withUnsafeBufferPointer { parse($0) }
    }

    /// Parses UTF-8 bytes as an RFC 3339 date-time; `nil` if malformed or out of range.
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D,
              let day = digits(8, 2), b[10] == 0x54 || b[10] == 0x74,
              let hour = digits(11, 2), b[13] == 0x3A, let minute = digits(14, 2), b[16] == 0x3A,
              let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var index = 19
        var fraction = 0.0
        if b[index] == 0x2E {
            index += 1
            var numerator = 0
            var count = 0
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                if count < 15 {
                    numerator = numerator * 10 + Int(b[index] - 0x30)
                    count += 1
                }
                index += 1
            }
            guard count > 0 else { return nil }
            fraction = Double(numerator) / pow10(count)
        }
        guard index < b.count else { return nil }
        var offset = 0
        switch b[index] {
        case 0x5A, 0x7A:
            index += 1
        case 0x2B, 0x2D:
            guard index + 6 == b.count, let oh = digits(index + 1, 2), b[index + 3] == 0x3A,
                  let om = digits(index + 4, 2), oh <= 23, om <= 59
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[index] == 0x2B ? 1 : -1)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Formats `date` in UTC as `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`; fractional digits only when
    /// non-zero (microsecond precision, trailing zeros trimmed) so that parse∘format round-trips.
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var whole = interval.rounded(.down)
        var micros = ((interval - whole) * 1_000_000).rounded()
        if micros >= 1_000_000 {
            whole += 1
            micros -= 1_000_000
        }
        let total = Int(whole)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (y, m, d) = civilFromDays(days)
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        text += pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
        if micros > 0 {
            var digits = pad(Int(micros), 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    /// The weekday of a day number (days since 1970-01-01, a Thursday): 0 = Monday … 6 = Sunday.
    static func weekday(ofDay day: Int) -> Int {
        ((day + 3) % 7 + 7) % 7
    }

    /// The UTC day number (days since 1970-01-01) of a Unix time in seconds.
    static func day(_ seconds: Double) -> Int {
        // floor(q) as a truncation and a correction: `rounded(.down)` is a call to `floor` on
        // baseline x86-64, and the streaming pass takes the day of most rows.
        let q = seconds / 86_400
        let truncated = Int(q)
        return Double(truncated) > q ? truncated - 1 : truncated
    }

    /// `YYYY-MM-DD` for a UTC day number.
    static func formatDay(_ day: Int) -> String {
        let (y, m, d) = civilFromDays(day)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 10 }
        return v
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day number (inverse of ``daysFromCivil(year:month:day:)``).
    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
