public import CommunityCore
public import Foundation

/// iCalendar (RFC 5545) for CommunityEvents: writes events as VCALENDAR text other calendars
/// subscribe to or import, and reads VEVENTs back into ``EventDraft``s.
///
/// Export writes `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN` and `METHOD:PUBLISH`, one
/// VTIMEZONE per zone in use (derived from Foundation's zone data for the span of the series,
/// with the zone's current yearly rule left open for unbounded series), and one VEVENT per
/// event: `UID` (`<event id>@communitykit`), `DTSTAMP`, `SEQUENCE`, `DTSTART`/`DTEND` with
/// `TZID` in local basic form, `RRULE` (with `UNTIL` in UTC), `RDATE`, `EXDATE`, `SUMMARY`,
/// `DESCRIPTION`, `LOCATION`, `URL`, `STATUS` (`CONFIRMED` or `CANCELLED`). Events name no
/// ORGANIZER or ATTENDEE: members' addresses stay with the host app. Lines end in CRLF and are
/// folded at 75 octets without splitting a UTF-8 sequence; TEXT values are escaped.
///
/// ```swift
/// let ics = try ICalendar().export(event, stamp: clock.now)
/// let drafts = try ICalendar().events(from: ics).map(\.draft)   // the same fields back
/// ```
///
/// Import unfolds lines, reads parameters (quoted values included) and unescapes TEXT. It reads
/// `DTSTART` with a `TZID`, in UTC (`Z`), floating or as a DATE; `DTEND` or `DURATION`;
/// `SUMMARY`, `DESCRIPTION`, `LOCATION`, `URL`, `RRULE`, `RDATE`, `EXDATE`, `STATUS`, `UID`,
/// `SEQUENCE` and `RECURRENCE-ID`, and ignores other properties and components (VTIMEZONE
/// included: a TZID must be an IANA zone name). Malformed input throws
/// ``CommunityCore/CommunityError`` `.invalidInput` whose message starts with, and whose
/// `field` is, the line at fault: `"line 12"`.
public struct ICalendar: Hashable, Sendable {
    /// The default `PRODID`.
    public static let defaultProductID = "-//CommunityKit//CommunityEvents//EN"

    /// The `PRODID` written in each calendar.
    public var productID: String
    /// The zone given to floating times and all-day (DATE) starts on import; `UTC` by default.
    public var defaultTimeZone: String

    /// Creates a reader/writer.
    ///
    /// - Parameters:
    ///   - productID: The `PRODID` to write, e.g. `-//Example Corp//Community//EN`.
    ///   - defaultTimeZone: The IANA zone of floating and all-day times on import.
    public init(productID: String = ICalendar.defaultProductID, defaultTimeZone: String = "UTC") {
        self.productID = productID
        self.defaultTimeZone = defaultTimeZone
    }

    // MARK: Export

    /// Writes one event or series as a VCALENDAR with one VEVENT.
    ///
    /// ```swift
    /// let ics = try ICalendar().export(event, stamp: clock.now, sequence: 2)
    /// ```
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - stamp: `DTSTAMP`, the instant the calendar is written (take it from the injected clock).
    ///   - sequence: `SEQUENCE`: raise it each time the event changes so calendars keep the newest copy.
    /// - Returns: The calendar text, CRLF line endings, folded.
    /// - Throws: ``CommunityCore/CommunityError`` `.invalidInput` when the event holds an invalid
    ///   zone, start, RRULE, RDATE or EXDATE.
    public func export(_ event: CommunityEvent, stamp: Date, sequence: Int = 0) throws -> String {
        try export([event], stamp: stamp, sequence: sequence)
    }

    /// Writes a series with its occurrence overrides: the series' VEVENT, then one VEVENT per
    /// override with the same `UID` and a `RECURRENCE-ID` naming the original start — moved to
    /// its new time with its own title, description, length and place, or `STATUS:CANCELLED`.
    ///
    /// ```swift
    /// let ics = try ICalendar().export(event, overrides: overrides, stamp: clock.now)
    /// ```
    ///
    /// ``EventScheduler/exportCalendar(of:in:sequence:calendar:by:)`` reads both from storage.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - overrides: Its overrides; one that names no occurrence of the series is left out.
    ///   - stamp: `DTSTAMP`.
    ///   - sequence: `SEQUENCE` of every VEVENT.
    /// - Returns: The calendar text.
    /// - Throws: ``CommunityCore/CommunityError`` `.invalidInput` when the event is invalid.
    public func export(_ event: CommunityEvent, overrides: [OccurrenceOverride], stamp: Date, sequence: Int = 0) throws -> String {
        let series = try ICalendarEntry(event: event)
        var entries = [series]
        for override in overrides.sorted(by: { $0.occurrence < $1.occurrence }) where override.eventID == event.id {
            guard let occurrence = try? EventScheduler.occurrence(override.occurrence, of: event, overrides: [override]) else { continue }
            let entry = try ICalendarEntry(event: event, occurrence: occurrence)
            // A single session has no RECURRENCE-ID: its override changes the one VEVENT.
            if series.isSeries { entries.append(entry) } else { entries = [entry] }
        }
        return document(entries, stamp: stamp, sequence: sequence, name: nil)
    }

    /// Writes several events or series as one VCALENDAR, one VEVENT each.
    ///
    /// - Parameters:
    ///   - events: The events.
    ///   - stamp: `DTSTAMP`.
    ///   - sequence: `SEQUENCE` of every VEVENT.
    ///   - name: A display name for the calendar (`X-WR-CALNAME`), if any.
    /// - Returns: The calendar text.
    /// - Throws: ``CommunityCore/CommunityError`` `.invalidInput` when an event is invalid.
    public func export(_ events: [CommunityEvent], stamp: Date, sequence: Int = 0, name: String? = nil) throws -> String {
        document(try events.map { try ICalendarEntry(event: $0) }, stamp: stamp, sequence: sequence, name: name)
    }

    /// Writes entries (series or single occurrences) as one VCALENDAR.
    func document(_ entries: [ICalendarEntry], stamp: Date, sequence: Int, name: String?) -> String {
        var writer = ICalendarLineWriter()
        writer.begin("VCALENDAR")
        writer.property("VERSION", [], "2.0")
        writer.text("PRODID", productID)
        writer.property("CALSCALE", [], "GREGORIAN")
        writer.property("METHOD", [], "PUBLISH")
        if let name { writer.text("X-WR-CALNAME", name) }
        var spans: [String: (zone: TimeZone, start: Int, end: Int, openEnded: Bool)] = [:]
        var zoneOrder: [String] = []
        for entry in entries where !entry.isUTC {
            let span = entry.span()
            let id = entry.event.timeZoneIdentifier
            if let known = spans[id] {
                spans[id] = (known.zone, min(known.start, span.start), max(known.end, span.end), known.openEnded || span.openEnded)
            } else {
                spans[id] = (entry.zone, span.start, span.end, span.openEnded)
                zoneOrder.append(id)
            }
        }
        // An open-ended series that began long ago must still carry the zone's rule of today.
        let present = Int(stamp.timeIntervalSince1970.rounded(.down)) + 3 * 366 * 86_400
        for id in zoneOrder {
            guard let span = spans[id] else { continue }
            ICalendarTimeZoneWriter(identifier: id, zone: span.zone)
                .write(into: &writer, start: span.start, end: span.openEnded ? max(span.end, present) : span.end,
                       openEnded: span.openEnded)
        }
        for entry in entries { entry.write(into: &writer, stamp: stamp, sequence: sequence) }
        writer.end("VCALENDAR")
        return writer.text
    }

    // MARK: Import

    /// Reads every VEVENT of iCalendar text.
    ///
    /// ```swift
    /// let imported = try ICalendar(defaultTimeZone: "Europe/Paris").events(from: text)
    /// imported.first?.draft.recurrenceRule   // "FREQ=WEEKLY;COUNT=5;BYDAY=TU"
    /// ```
    ///
    /// Times are kept in the zone of `DTSTART` (its TZID; `UTC` for `Z`; ``defaultTimeZone``
    /// when floating or a DATE); `DTEND`, `RDATE`, `EXDATE` and `RECURRENCE-ID` in other zones
    /// are converted to it; a DATE in `RDATE`/`EXDATE` next to a date-time start means that day at the
    /// start's time. The duration comes from `DTEND` (an exact difference of instants) or
    /// `DURATION` (a day counts 24 hours); without either, a DATE lasts a day and a date-time
    /// lasts 0 seconds, as RFC 5545 says (``EventScheduler/createEvent(in:_:by:)`` then asks for
    /// a duration). The RRULE is validated and written back in canonical form.
    ///
    /// - Parameter text: The calendar text (CRLF or LF line endings; at most 16 MiB).
    /// - Returns: The events, in file order.
    /// - Throws: ``CommunityCore/CommunityError`` `.invalidInput`, `field: "line N"`, message
    ///   `"line N: …"`: a property without a colon, a BEGIN without its END (named at the BEGIN)
    ///   or an END without its BEGIN, a bad date, time or duration, an unknown TZID, an invalid
    ///   RRULE (naming the part), a VEVENT without DTSTART, DTEND before DTSTART.
    public func events(from text: String) throws -> [ICalendarEvent] {
        try events(from: Array(text.utf8))
    }

    /// Reads every VEVENT of iCalendar bytes (UTF-8), as the `String` overload does.
    ///
    /// Lines are unfolded on octets before they are decoded, so a file whose producer folded
    /// inside a UTF-8 sequence still reads back intact.
    ///
    /// - Parameter data: The calendar file's contents (at most 16 MiB).
    /// - Returns: The events, in file order.
    /// - Throws: ``CommunityCore/CommunityError`` `.invalidInput` naming the line at fault.
    public func events(from data: Data) throws -> [ICalendarEvent] {
        try events(from: [UInt8](data))
    }

    func events(from bytes: [UInt8]) throws -> [ICalendarEvent] {
        guard bytes.count <= 16 * 1_048_576 else {
            throw CommunityError.invalidInput("line 1: the calendar is larger than 16 MiB", field: "line 1")
        }
        return try ICalendarParser(defaultTimeZone: defaultTimeZone).events(from: bytes)
    }
}
