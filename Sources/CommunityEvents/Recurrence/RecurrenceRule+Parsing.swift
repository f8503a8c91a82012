import CommunityCore

extension RecurrenceRule {
    /// Parses an RRULE value such as `FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10`.
    ///
    /// Part names and values are case-insensitive; an `RRULE:` prefix and one trailing `;` are
    /// tolerated. Every part may appear once. Unknown parts are rejected.
    ///
    /// ```swift
    /// let rule = try RecurrenceRule(parsing: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO")
    /// ```
    ///
    /// - Parameter text: The RRULE value.
    /// - Throws: ``CommunityError`` `.invalidInput` whose `field` names the offending part
    ///   (`"rrule.BYDAY"`), or `"rrule"` when the text as a whole is malformed.
    public init(parsing text: String) throws {
        var body = Substring(text)
        if body.count >= 6, body.prefix(6).uppercased() == "RRULE:" { body = body.dropFirst(6) }
        if body.hasSuffix(";") { body = body.dropLast() }
        guard !body.isEmpty else {
            throw CommunityError.invalidInput("the RRULE is empty: it needs at least FREQ=…", field: "rrule")
        }
        var frequency: RecurrenceFrequency?
        var interval: Int?
        var count: Int?
        var until: RecurrenceUntil?
        var lists: [String: [Int]] = [:]
        var byDay: [WeekdayOccurrence]?
        var weekStart: Weekday?
        var seen = Set<String>()

        for rawPart in body.split(separator: ";", omittingEmptySubsequences: false) {
            guard let equals = rawPart.firstIndex(of: "=") else {
                throw CommunityError.invalidInput(
                    "'\(Self.clip(rawPart))' is not a NAME=VALUE part of an RRULE", field: "rrule")
            }
            let name = rawPart[..<equals].uppercased()
            let value = rawPart[rawPart.index(after: equals)...]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
                throw CommunityError.invalidInput(
                    "'\(Self.clip(rawPart))' has no valid part name before '='", field: "rrule")
            }
            let field = "rrule.\(Self.clip(name))"
            guard seen.insert(name).inserted else {
                throw CommunityError.invalidInput("\(name) appears more than once; give each part once", field: field)
            }
            guard !value.isEmpty else {
                throw CommunityError.invalidInput("\(name) has an empty value", field: field)
            }
            switch name {
            case "FREQ":
                guard let parsed = RecurrenceFrequency(name: value) else {
                    throw CommunityError.invalidInput(
                        "FREQ '\(Self.clip(value))' is not one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, "
                            + "MONTHLY, YEARLY", field: field)
                }
                frequency = parsed
            case "INTERVAL":
                interval = try Self.integer(value, name: name, signed: false)
            case "COUNT":
                count = try Self.integer(value, name: name, signed: false)
            case "UNTIL":
                guard [8, 15, 16].contains(value.count) else {
                    throw CommunityError.invalidInput(
                        "UNTIL '\(Self.clip(value))' must use the iCalendar form YYYYMMDD, YYYYMMDDTHHMMSS or "
                            + "YYYYMMDDTHHMMSSZ", field: field)
                }
                let parsed = try LocalDateTime.parse(String(value), field: field)
                until = parsed.isDate ? .date(parsed.value) : parsed.isUTC ? .utc(parsed.value) : .local(parsed.value)
            case "BYSECOND", "BYMINUTE", "BYHOUR", "BYMONTH":
                lists[name] = try Self.integers(value, name: name, signed: false)
            case "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS":
                lists[name] = try Self.integers(value, name: name, signed: true)
            case "BYDAY":
                byDay = try value.split(separator: ",", omittingEmptySubsequences: false).map {
                    try Self.weekdayOccurrence($0)
                }
            case "WKST":
                guard let day = Weekday(code: value) else {
                    throw CommunityError.invalidInput(
                        "WKST '\(Self.clip(value))' is not a weekday (MO, TU, WE, TH, FR, SA, SU)", field: field)
                }
                weekStart = day
            default:
                throw CommunityError.invalidInput(
                    "unknown RRULE part \(Self.clip(name)); known parts: FREQ, UNTIL, COUNT, INTERVAL, BYSECOND, "
                        + "BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST",
                    field: field)
            }
        }
        guard let frequency else {
            throw CommunityError.invalidInput("the RRULE has no FREQ part; add e.g. FREQ=WEEKLY", field: "rrule.FREQ")
        }
        try self.init(
            frequency: frequency, interval: interval ?? 1, count: count, until: until,
            bySecond: lists["BYSECOND"] ?? [], byMinute: lists["BYMINUTE"] ?? [], byHour: lists["BYHOUR"] ?? [],
            byDay: byDay ?? [], byMonthDay: lists["BYMONTHDAY"] ?? [], byYearDay: lists["BYYEARDAY"] ?? [],
            byWeekNo: lists["BYWEEKNO"] ?? [], byMonth: lists["BYMONTH"] ?? [], bySetPos: lists["BYSETPOS"] ?? [],
            weekStart: weekStart)
    }

    /// Text shortened for an error message.
    static func clip(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars.prefix(32).map { $0.properties.generalCategory == .control ? "?" : Character($0) }
        return String(scalars) + (text.unicodeScalars.count > 32 ? "…" : "")
    }

    /// Parses `[+|-]digits` (at most 9 digits).
    static func integer(_ text: some StringProtocol, name: String, signed: Bool) throws -> Int {
        var digits = Substring(text)
        var sign = 1
        if signed, let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else {
            let kind = signed ? "an integer" : "a non-negative integer"
            throw CommunityError.invalidInput(
                "\(name) value '\(clip(text))' is not \(kind) of at most 9 digits", field: "rrule.\(name)")
        }
        return sign * value
    }

    /// Parses a comma-separated integer list.
    static func integers(_ text: some StringProtocol, name: String, signed: Bool) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map {
            try integer($0, name: name, signed: signed)
        }
    }

    /// Parses one `BYDAY` entry: `[+|-][1-53]XX`.
    static func weekdayOccurrence(_ text: Substring) throws -> WeekdayOccurrence {
        guard text.count >= 2, let day = Weekday(code: text.suffix(2)) else {
            throw CommunityError.invalidInput(
                "BYDAY entry '\(clip(text))' is not a weekday (MO…SU) with an optional ordinal like 1MO or -1FR",
                field: "rrule.BYDAY")
        }
        let prefix = text.dropLast(2)
        guard !prefix.isEmpty else { return WeekdayOccurrence(day) }
        guard prefix.count <= 3 else {
            throw CommunityError.invalidInput(
                "BYDAY ordinal in '\(clip(text))' is out of range (±1...53, not 0)", field: "rrule.BYDAY")
        }
        return WeekdayOccurrence(day, ordinal: try integer(prefix, name: "BYDAY", signed: true))
    }
}
