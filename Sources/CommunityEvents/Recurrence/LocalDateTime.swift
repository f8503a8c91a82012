import CommunityCore

/// A wall-clock date and time with no time zone: what a calendar shows, not an instant.
///
/// Recurrence happens in wall-clock time (a weekly 18:00 event stays at 18:00 across DST
/// changes), so the engine works on `LocalDateTime` values and resolves each one to an instant
/// in the series' time zone only at the end. Years range over 1...9999 (iCalendar's four-digit
/// years); seconds over 0...59.
///
/// Parse it from ISO 8601 extended (`2026-03-01T18:00:00`, `2026-03-01`) or iCalendar basic
/// (`20260301T180000`, `20260301T180000Z`, `20260301`) text:
///
/// ```swift
/// let start = try LocalDateTime(parsing: "2026-03-01T18:00:00")
/// start.weekday            // .sunday
/// start.description        // "2026-03-01T18:00:00"
/// ```
public struct LocalDateTime: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31 (valid for the month).
    public let day: Int
    /// The hour, 0...23.
    public let hour: Int
    /// The minute, 0...59.
    public let minute: Int
    /// The second, 0...59.
    public let second: Int

    /// Creates a wall-clock time after validating every field.
    ///
    /// - Parameters:
    ///   - year: 1...9999.
    ///   - month: 1...12.
    ///   - day: 1 through the length of the month.
    ///   - hour: 0...23.
    ///   - minute: 0...59.
    ///   - second: 0...59.
    /// - Throws: ``CommunityError`` `.invalidInput` naming the first field out of range.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) throws {
        guard (1...9999).contains(year) else {
            throw CommunityError.invalidInput("year \(year) is out of range 1...9999", field: "year")
        }
        guard (1...12).contains(month) else {
            throw CommunityError.invalidInput("month \(month) is out of range 1...12", field: "month")
        }
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            throw CommunityError.invalidInput(
                "day \(day) does not exist in \(year)-\(Self.pad2(month)) (1...\(length))", field: "day")
        }
        guard (0...23).contains(hour) else {
            throw CommunityError.invalidInput("hour \(hour) is out of range 0...23", field: "hour")
        }
        guard (0...59).contains(minute) else {
            throw CommunityError.invalidInput("minute \(minute) is out of range 0...59", field: "minute")
        }
        guard (0...59).contains(second) else {
            throw CommunityError.invalidInput("second \(second) is out of range 0...59", field: "second")
        }
        self.init(unchecked: year, month, day, hour, minute, second)
    }

    /// Creates a value from fields already known to be valid.
    @inline(__always)
    init(unchecked year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Creates a value from seconds since 1970-01-01T00:00:00 in wall-clock time.
    @inline(__always)
    init(localSeconds: Int) {
        let dayNumber = CivilCalendar.floorDiv(localSeconds, CivilCalendar.secondsPerDay)
        let secondOfDay = localSeconds - dayNumber * CivilCalendar.secondsPerDay
        let (y, m, d) = CivilCalendar.civil(fromDayNumber: dayNumber)
        self.init(unchecked: y, m, d, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// Parses ISO 8601 extended or iCalendar basic text.
    ///
    /// Accepted forms: `YYYY-MM-DDTHH:MM:SS`, `YYYY-MM-DD` (midnight), `YYYYMMDDTHHMMSS`,
    /// `YYYYMMDD`, and the UTC forms `YYYYMMDDTHHMMSSZ` and `YYYY-MM-DDTHH:MM:SSZ` (the UTC
    /// wall-clock time; the `Z` is not kept).
    ///
    /// - Parameter text: The text to parse.
    /// - Throws: ``CommunityError`` `.invalidInput` (field `"dateTime"`) when the text has none of
    ///   these forms or names a date or time that does not exist.
    public init(parsing text: String) throws {
        self = try Self.parse(text, field: "dateTime").value
    }

    /// The result of parsing: the value, whether it was a date only, whether it ended in `Z`.
    struct Parsed {
        var value: LocalDateTime
        var isDate: Bool
        var isUTC: Bool
    }

    /// Parses any accepted form, keeping whether it was a date and whether it was UTC.
    static func parse(_ text: String, field: String) throws -> Parsed {
        let bytes = Array(text.utf8)
        func fail() -> CommunityError {
            CommunityError.invalidInput(
                "'\(RecurrenceRule.clip(text))' is not a date-time: use YYYY-MM-DDTHH:MM:SS, YYYY-MM-DD, "
                    + "YYYYMMDDTHHMMSS[Z] or YYYYMMDD", field: field)
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        var fields: [Int?]
        var isDate = false
        var isUTC = false
        switch bytes.count {
        case 19, 20:
            guard bytes[4] == 45 && bytes[7] == 45 && (bytes[10] == 84 || bytes[10] == 116) && bytes[13] == 58
                && bytes[16] == 58
            else { throw fail() }
            if bytes.count == 20 {
                guard bytes[19] == 90 || bytes[19] == 122 else { throw fail() }
                isUTC = true
            }
            fields = [number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2), number(17, 2)]
        case 10:
            guard bytes[4] == 45 && bytes[7] == 45 else { throw fail() }
            fields = [number(0, 4), number(5, 2), number(8, 2), 0, 0, 0]
            isDate = true
        case 15, 16:
            guard bytes[8] == 84 || bytes[8] == 116 else { throw fail() }
            if bytes.count == 16 {
                guard bytes[15] == 90 || bytes[15] == 122 else { throw fail() }
                isUTC = true
            }
            fields = [number(0, 4), number(4, 2), number(6, 2), number(9, 2), number(11, 2), number(13, 2)]
        case 8:
            fields = [number(0, 4), number(4, 2), number(6, 2), 0, 0, 0]
            isDate = true
        default:
            throw fail()
        }
        guard let y = fields[0], let mo = fields[1], let d = fields[2], let h = fields[3], let mi = fields[4],
            let s = fields[5]
        else { throw fail() }
        do {
            let value = try LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
            return Parsed(value: value, isDate: isDate, isUTC: isUTC)
        } catch let error as CommunityError {
            throw CommunityError.invalidInput("'\(text)': \(error.message)", field: field)
        }
    }

    /// The weekday of this date.
    public var weekday: Weekday {
        Weekday.fromIndex(CivilCalendar.weekday(ofDayNumber: dayNumber))
    }

    /// The date part, at midnight.
    public var startOfDay: LocalDateTime {
        LocalDateTime(unchecked: year, month, day, 0, 0, 0)
    }

    /// Days since 1970-01-01.
    var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// Seconds since midnight.
    var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    /// Seconds since 1970-01-01T00:00:00 in wall-clock time.
    var localSeconds: Int { dayNumber * CivilCalendar.secondsPerDay + secondOfDay }

    /// ISO 8601 extended form, `YYYY-MM-DDTHH:MM:SS`.
    public var description: String { isoString }

    /// ISO 8601 extended form, `YYYY-MM-DDTHH:MM:SS`.
    public var isoString: String { formatted(extended: true, withTime: true) }

    /// ISO 8601 date form, `YYYY-MM-DD`.
    public var dateString: String { formatted(extended: true, withTime: false) }

    /// iCalendar basic form, `YYYYMMDDTHHMMSS`.
    public var basicString: String { formatted(extended: false, withTime: true) }

    /// iCalendar basic date form, `YYYYMMDD`.
    public var basicDateString: String { formatted(extended: false, withTime: false) }

    /// Writes the date (and time), with `-`/`:` separators when `extended`.
    private func formatted(extended: Bool, withTime: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity(19)
        Self.appendDigits(year, 4, &out)
        if extended { out.append(45) }
        Self.appendDigits(month, 2, &out)
        if extended { out.append(45) }
        Self.appendDigits(day, 2, &out)
        guard withTime else { return String(decoding: out, as: UTF8.self) }
        out.append(84)
        Self.appendDigits(hour, 2, &out)
        if extended { out.append(58) }
        Self.appendDigits(minute, 2, &out)
        if extended { out.append(58) }
        Self.appendDigits(second, 2, &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendDigits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            out.append(UInt8(48 + (v / divisor) % 10))
            v %= divisor
            divisor /= 10
        }
    }

    static func pad2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// Orders by year, month, day, hour, minute, second.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// Decodes from a string in any form ``init(parsing:)`` accepts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try Self.parse(try container.decode(String.self), field: "dateTime").value
    }

    /// Encodes as `YYYY-MM-DDTHH:MM:SS`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}
