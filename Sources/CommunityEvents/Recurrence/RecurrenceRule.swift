import CommunityCore

/// An RFC 5545 recurrence rule (the value of an `RRULE` property, §3.3.10).
///
/// A rule is validated when it is made, whether parsed or built in code, so a
/// `RecurrenceRule` value is always one the engine can expand. Parsing is case-insensitive;
/// ``rruleString`` writes the canonical upper-case form in a fixed part order, and parsing it back
/// gives an equal rule.
///
/// ```swift
/// let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6")
/// rule.frequency        // .monthly
/// rule.byDay            // [-1FR]
/// rule.rruleString      // "FREQ=MONTHLY;COUNT=6;BYDAY=-1FR"
/// ```
///
/// Empty `by…` arrays mean the part is absent. The parts are immutable, so a rule stays valid:
/// make a changed rule with ``init(frequency:interval:count:until:bySecond:byMinute:byHour:byDay:byMonthDay:byYearDay:byWeekNo:byMonth:bySetPos:weekStart:)``.
public struct RecurrenceRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `FREQ`: the repeating period.
    public let frequency: RecurrenceFrequency
    /// `INTERVAL`: repeat every `interval` periods (≥ 1; 1 when absent).
    public let interval: Int
    /// `COUNT`: the number of occurrences the rule generates, DTSTART included (≥ 1).
    public let count: Int?
    /// `UNTIL`: the inclusive end of the rule.
    public let until: RecurrenceUntil?
    /// `BYSECOND`: seconds 0...60 (60 is accepted as RFC 5545 allows, and never occurs).
    public let bySecond: [Int]
    /// `BYMINUTE`: minutes 0...59.
    public let byMinute: [Int]
    /// `BYHOUR`: hours 0...23.
    public let byHour: [Int]
    /// `BYDAY`: weekdays, with ordinals only for `MONTHLY` and `YEARLY`.
    public let byDay: [WeekdayOccurrence]
    /// `BYMONTHDAY`: ±1...31 (negative: from the end of the month).
    public let byMonthDay: [Int]
    /// `BYYEARDAY`: ±1...366 (negative: from the end of the year).
    public let byYearDay: [Int]
    /// `BYWEEKNO`: ±1...53, weeks numbered from `WKST` as in ISO 8601 (`YEARLY` only).
    public let byWeekNo: [Int]
    /// `BYMONTH`: months 1...12.
    public let byMonth: [Int]
    /// `BYSETPOS`: ±1...366, positions in each period's set of occurrences.
    public let bySetPos: [Int]
    /// `WKST`: the first day of the week (Monday when `nil`).
    public let weekStart: Weekday?

    /// Creates a rule and validates it.
    ///
    /// - Parameters:
    ///   - frequency: `FREQ`.
    ///   - interval: `INTERVAL`, ≥ 1.
    ///   - count: `COUNT`, ≥ 1; not with `until`.
    ///   - until: `UNTIL`; not with `count`.
    ///   - bySecond: `BYSECOND`.
    ///   - byMinute: `BYMINUTE`.
    ///   - byHour: `BYHOUR`.
    ///   - byDay: `BYDAY`.
    ///   - byMonthDay: `BYMONTHDAY`.
    ///   - byYearDay: `BYYEARDAY`.
    ///   - byWeekNo: `BYWEEKNO`.
    ///   - byMonth: `BYMONTH`.
    ///   - bySetPos: `BYSETPOS`.
    ///   - weekStart: `WKST`.
    /// - Throws: ``CommunityError`` `.invalidInput` naming the offending part
    ///   (`field: "rrule.BYWEEKNO"`) when the combination breaks RFC 5545 §3.3.10.
    public init(
        frequency: RecurrenceFrequency, interval: Int = 1, count: Int? = nil, until: RecurrenceUntil? = nil,
        bySecond: [Int] = [], byMinute: [Int] = [], byHour: [Int] = [], byDay: [WeekdayOccurrence] = [],
        byMonthDay: [Int] = [], byYearDay: [Int] = [], byWeekNo: [Int] = [], byMonth: [Int] = [],
        bySetPos: [Int] = [], weekStart: Weekday? = nil
    ) throws {
        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.bySecond = bySecond
        self.byMinute = byMinute
        self.byHour = byHour
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byYearDay = byYearDay
        self.byWeekNo = byWeekNo
        self.byMonth = byMonth
        self.bySetPos = bySetPos
        self.weekStart = weekStart
        try validate()
    }

    /// A daily rule with no other part, built without validation (it needs none).
    static let placeholder = RecurrenceRule(uncheckedFrequency: .daily)

    private init(uncheckedFrequency frequency: RecurrenceFrequency) {
        self.frequency = frequency
        interval = 1
        count = nil
        until = nil
        bySecond = []
        byMinute = []
        byHour = []
        byDay = []
        byMonthDay = []
        byYearDay = []
        byWeekNo = []
        byMonth = []
        bySetPos = []
        weekStart = nil
    }

    /// Checks every RFC 5545 §3.3.10 constraint.
    ///
    /// - Throws: ``CommunityError`` `.invalidInput` naming the offending part.
    func validate() throws {
        func fail(_ part: String, _ message: String) -> CommunityError {
            CommunityError.invalidInput(message, field: "rrule.\(part)")
        }
        func check(_ values: [Int], _ part: String, _ range: ClosedRange<Int>, signed: Bool) throws {
            for value in values {
                let ok = signed ? (value != 0 && range.contains(abs(value))) : range.contains(value)
                guard ok else {
                    let allowed = signed ? "±\(range.lowerBound)...\(range.upperBound), not 0"
                        : "\(range.lowerBound)...\(range.upperBound)"
                    throw fail(part, "\(part) value \(value) is out of range (\(allowed))")
                }
            }
        }
        guard interval >= 1 else {
            throw fail("INTERVAL", "INTERVAL must be a positive integer, got \(interval)")
        }
        if let count, count < 1 {
            throw fail("COUNT", "COUNT must be a positive integer, got \(count)")
        }
        if count != nil, until != nil {
            throw fail("COUNT", "COUNT and UNTIL cannot both be given: keep one of them")
        }
        try check(bySecond, "BYSECOND", 0...60, signed: false)
        try check(byMinute, "BYMINUTE", 0...59, signed: false)
        try check(byHour, "BYHOUR", 0...23, signed: false)
        try check(byMonthDay, "BYMONTHDAY", 1...31, signed: true)
        try check(byYearDay, "BYYEARDAY", 1...366, signed: true)
        try check(byWeekNo, "BYWEEKNO", 1...53, signed: true)
        try check(byMonth, "BYMONTH", 1...12, signed: false)
        try check(bySetPos, "BYSETPOS", 1...366, signed: true)
        for entry in byDay {
            guard let ordinal = entry.ordinal else { continue }
            guard ordinal != 0, abs(ordinal) <= 53 else {
                throw fail("BYDAY", "BYDAY ordinal \(ordinal) is out of range (±1...53, not 0)")
            }
            guard frequency == .monthly || frequency == .yearly else {
                throw fail("BYDAY", "BYDAY ordinals like \(entry) are only allowed with FREQ=MONTHLY or "
                    + "FREQ=YEARLY, not FREQ=\(frequency.name)")
            }
            guard byWeekNo.isEmpty else {
                throw fail("BYDAY", "BYDAY ordinals like \(entry) cannot be combined with BYWEEKNO")
            }
        }
        if !byWeekNo.isEmpty, frequency != .yearly {
            throw fail("BYWEEKNO", "BYWEEKNO is only allowed with FREQ=YEARLY, not FREQ=\(frequency.name)")
        }
        if !byYearDay.isEmpty, [.daily, .weekly, .monthly].contains(frequency) {
            throw fail("BYYEARDAY", "BYYEARDAY is not allowed with FREQ=\(frequency.name)")
        }
        if !byMonthDay.isEmpty, frequency == .weekly {
            throw fail("BYMONTHDAY", "BYMONTHDAY is not allowed with FREQ=WEEKLY")
        }
        if !bySetPos.isEmpty, !hasByRuleOtherThanSetPos {
            throw fail("BYSETPOS", "BYSETPOS needs another BYxxx part (BYDAY, BYMONTHDAY, …) to select from")
        }
    }

    /// Whether any `BYxxx` part other than `BYSETPOS` is present.
    var hasByRuleOtherThanSetPos: Bool {
        !(bySecond.isEmpty && byMinute.isEmpty && byHour.isEmpty && byDay.isEmpty && byMonthDay.isEmpty
            && byYearDay.isEmpty && byWeekNo.isEmpty && byMonth.isEmpty)
    }

    /// The canonical RRULE value: `FREQ` first, then `UNTIL`/`COUNT`, `INTERVAL` (when not 1),
    /// `BYSECOND`, `BYMINUTE`, `BYHOUR`, `BYDAY`, `BYMONTHDAY`, `BYYEARDAY`, `BYWEEKNO`,
    /// `BYMONTH`, `BYSETPOS`, `WKST`.
    public var rruleString: String {
        var parts = ["FREQ=\(frequency.name)"]
        if let until { parts.append("UNTIL=\(until)") }
        if let count { parts.append("COUNT=\(count)") }
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        func list(_ name: String, _ values: [Int]) {
            if !values.isEmpty { parts.append("\(name)=" + values.map(String.init).joined(separator: ",")) }
        }
        list("BYSECOND", bySecond)
        list("BYMINUTE", byMinute)
        list("BYHOUR", byHour)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        list("BYMONTHDAY", byMonthDay)
        list("BYYEARDAY", byYearDay)
        list("BYWEEKNO", byWeekNo)
        list("BYMONTH", byMonth)
        list("BYSETPOS", bySetPos)
        if let weekStart { parts.append("WKST=\(weekStart.code)") }
        return parts.joined(separator: ";")
    }

    /// The canonical RRULE value, ``rruleString``.
    public var description: String { rruleString }

    /// Decodes from an RRULE string, validating it like ``init(parsing:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(parsing: try container.decode(String.self))
    }

    /// Encodes as the canonical RRULE string, ``rruleString``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rruleString)
    }
}
