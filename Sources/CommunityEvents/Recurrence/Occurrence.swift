import Foundation

/// One occurrence of a ``Recurrence``: its wall-clock time, its instant and its UTC offset.
///
/// ```swift
/// let next = series.nextOccurrence(after: .now)
/// next?.local        // 2026-03-03T18:00:00
/// next?.utcOffset    // 3600
/// next?.description  // "2026-03-03T18:00:00+01:00"
/// ```
public struct Occurrence: Hashable, Sendable, CustomStringConvertible {
    /// The wall-clock time in the series' zone. A time that falls in a DST gap is already moved
    /// forward by the gap's length (02:30 on a spring-forward day reads 03:30).
    public let local: LocalDateTime
    /// The instant. For a floating series (no zone) the wall-clock time read as UTC.
    public let date: Date
    /// The UTC offset in seconds at ``date``; `nil` for a floating series.
    public let utcOffset: Int?
    /// Whether the series is all-day: the occurrence is the date of ``local``.
    public let isAllDay: Bool
    /// Whether the series' zone is UTC itself: the offset is written `Z`.
    public let isUTC: Bool

    /// Creates an occurrence.
    ///
    /// - Parameters:
    ///   - local: The wall-clock time.
    ///   - date: The instant.
    ///   - utcOffset: The offset in seconds, `nil` when floating.
    ///   - isAllDay: Whether only the date counts.
    ///   - isUTC: Whether the zone is UTC (the offset is then written `Z`).
    public init(local: LocalDateTime, date: Date, utcOffset: Int?, isAllDay: Bool = false, isUTC: Bool = false) {
        self.local = local
        self.date = date
        self.utcOffset = utcOffset
        self.isAllDay = isAllDay
        self.isUTC = isUTC
    }

    /// The RFC 5545 case format: `YYYY-MM-DD` when all-day, `YYYY-MM-DDTHH:MM:SS` when floating,
    /// else followed by the offset, `±HH:MM` (with `:SS` when the offset has seconds), or `Z`
    /// when the zone is UTC.
    public var description: String {
        if isAllDay { return local.dateString }
        guard let utcOffset else { return local.isoString }
        if isUTC { return local.isoString + "Z" }
        return local.isoString + Self.formatOffset(utcOffset)
    }

    /// `±HH:MM`, or `±HH:MM:SS` when the offset is not a whole minute.
    static func formatOffset(_ seconds: Int) -> String {
        var out: [UInt8] = [seconds < 0 ? 45 : 43]
        let magnitude = abs(seconds)
        LocalDateTime.appendDigits(magnitude / 3600, 2, &out)
        out.append(58)
        LocalDateTime.appendDigits(magnitude / 60 % 60, 2, &out)
        if magnitude % 60 != 0 {
            out.append(58)
            LocalDateTime.appendDigits(magnitude % 60, 2, &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
