import CommunityCore
import Foundation

/// One case of the RFC 5545 recurrence acceptance set (`rfc5545/cases.json`): a series to
/// expand, how to bound it, and the expected result.
///
/// The unit tests and `community-demo recur --cases FILE` both run cases through ``run()``:
///
/// ```swift
/// let cases = try JSONDecoder().decode([RecurrenceCase].self, from: data)
/// let results = cases.map { $0.run() }
/// ```
public struct RecurrenceCase: Codable, Hashable, Sendable {
    /// The case name, echoed in the result.
    public var id: String
    /// DTSTART: `YYYY-MM-DDTHH:MM:SS` (local), `YYYY-MM-DD` for an all-day series, or
    /// `YYYY-MM-DDTHH:MM:SSZ` for a series in UTC.
    public var dtstart: String
    /// The IANA zone; `nil` for floating time.
    public var tzid: String?
    /// The RRULE value, without `RRULE:`.
    public var rrule: String?
    /// Extra local start times.
    public var rdate: [String]?
    /// Excluded local start times.
    public var exdate: [String]?
    /// Keep only occurrences inside this window.
    public var window: RecurrenceCaseWindow?
    /// Report at most this many occurrences (after the window).
    public var limit: Int?
    /// Whether the case is invalid and must be rejected.
    public var expectError: Bool?
    /// The expected occurrences.
    public var expected: [String]?

    /// The most occurrences a case may report without `limit`: an unbounded rule needs a
    /// `limit` or a `window`.
    public static let maximumOccurrences = 100_000

    enum CodingKeys: String, CodingKey {
        case id, dtstart, tzid, rrule, rdate, exdate, window, limit, expected
        case expectError = "expect_error"
    }

    /// Creates a case.
    ///
    /// - Parameters:
    ///   - id: The case name.
    ///   - dtstart: DTSTART.
    ///   - tzid: The IANA zone, `nil` for floating.
    ///   - rrule: The RRULE value.
    ///   - rdate: Extra start times.
    ///   - exdate: Excluded start times.
    ///   - window: The window to keep.
    ///   - limit: The most occurrences to report.
    ///   - expectError: Whether the case must be rejected.
    ///   - expected: The expected occurrences.
    public init(
        id: String, dtstart: String, tzid: String? = nil, rrule: String? = nil, rdate: [String]? = nil,
        exdate: [String]? = nil, window: RecurrenceCaseWindow? = nil, limit: Int? = nil, expectError: Bool? = nil,
        expected: [String]? = nil
    ) {
        self.id = id
        self.dtstart = dtstart
        self.tzid = tzid
        self.rrule = rrule
        self.rdate = rdate
        self.exdate = exdate
        self.window = window
        self.limit = limit
        self.expectError = expectError
        self.expected = expected
    }

    /// Builds the case's series.
    ///
    /// - Throws: ``CommunityError`` `.invalidInput` naming the bad field (`dtstart`, `tzid`,
    ///   `rrule.…`, `rdate`, `exdate`).
    public func makeRecurrence() throws -> Recurrence {
        let start = try LocalDateTime.parse(dtstart, field: "dtstart")
        var zone: TimeZone?
        if start.isUTC {
            // DTSTART in UTC form (`…Z`): the series is in UTC.
            guard tzid == nil || tzid.map({ Recurrence.utcIdentifiers.contains($0) }) == true else {
                throw CommunityError.invalidInput(
                    "dtstart '\(dtstart)' is in UTC (ends in Z) but tzid is '\(tzid ?? "")': drop one of them",
                    field: "dtstart")
            }
            zone = TimeZone(identifier: "UTC")
        } else if let tzid {
            guard let found = TimeZone(identifier: tzid) else {
                throw CommunityError.invalidInput("unknown time zone '\(RecurrenceRule.clip(tzid))'; use an IANA name "
                    + "like Europe/Paris", field: "tzid")
            }
            zone = found
        }
        let rule = try rrule.map { try RecurrenceRule(parsing: $0) }
        let rdates = try (rdate ?? []).map { try LocalDateTime.parse($0, field: "rdate").value }
        let exdates = try (exdate ?? []).map { try LocalDateTime.parse($0, field: "exdate").value }
        return try Recurrence(
            start: start.value, timeZone: zone, rule: rule, rdates: rdates, exdates: exdates, isAllDay: start.isDate)
    }

    /// Expands the case: the occurrences inside ``window``, at most ``limit`` of them, or the
    /// reason the case is invalid.
    public func run() -> RecurrenceCaseResult {
        do {
            let series = try makeRecurrence()
            if let limit, limit < 0 {
                throw CommunityError.invalidInput("limit must not be negative, got \(limit)", field: "limit")
            }
            var bounds: (from: LocalDateTime, to: LocalDateTime, inclusive: Bool)?
            if let window {
                bounds = (
                    try LocalDateTime.parse(window.from, field: "window.from").value,
                    try LocalDateTime.parse(window.to, field: "window.to").value,
                    window.inclusive ?? false
                )
            }
            let cap = limit ?? Self.maximumOccurrences
            var out: [String] = []
            if cap > 0 {
                for occurrence in series {
                    if let bounds {
                        let local = occurrence.local
                        if bounds.inclusive ? local > bounds.to : local >= bounds.to { break }
                        if bounds.inclusive ? local < bounds.from : local <= bounds.from { continue }
                    }
                    if out.count == cap {
                        throw CommunityError.invalidInput(
                            "the series has more than \(cap) occurrences: add a limit or a window", field: "limit")
                    }
                    out.append(occurrence.description)
                    if limit != nil && out.count == cap { break }
                }
            }
            return RecurrenceCaseResult(id: id, occurrences: out)
        } catch let error as CommunityError {
            let message = error.field.map { "\($0): \(error.message)" } ?? error.message
            return RecurrenceCaseResult(id: id, error: message)
        } catch {
            return RecurrenceCaseResult(id: id, error: "\(error)")
        }
    }
}
