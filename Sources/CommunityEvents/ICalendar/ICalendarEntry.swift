import CommunityCore
import Foundation

/// One VEVENT to write: a whole series, or one occurrence of an event (a personal feed, or an
/// override of a series) named by its RECURRENCE-ID.
struct ICalendarEntry {
    /// One occurrence as it stands: its key, its (possibly moved) instants, its own changes.
    struct Instance {
        var key: LocalDateTime
        var start: Int
        var end: Int
        var isCancelled: Bool
        var override: OccurrenceOverride?

        init(_ occurrence: EventOccurrence) throws {
            key = try EventScheduler.parseLocal(occurrence.key, field: "occurrence")
            start = Int(occurrence.start.timeIntervalSince1970.rounded(.down))
            end = Int(occurrence.end.timeIntervalSince1970.rounded(.down))
            isCancelled = occurrence.isCancelled
            override = occurrence.override
        }
    }

    let event: CommunityEvent
    let recurrence: Recurrence
    let zone: TimeZone
    /// The occurrence to write alone, or `nil` for the series.
    let instance: Instance?

    init(event: CommunityEvent, occurrence: EventOccurrence? = nil) throws {
        self.event = event
        recurrence = try EventScheduler.recurrence(of: event)
        zone = try Validate.timeZone(event.timeZoneIdentifier, field: "timeZone")
        instance = try occurrence.map(Instance.init)
    }

    /// Whether times are written in UTC (`…Z`) rather than with a TZID.
    var isUTC: Bool { event.timeZoneIdentifier == "UTC" }

    /// Whether the event repeats (so one occurrence is named by RECURRENCE-ID).
    var isSeries: Bool { recurrence.rule != nil || !recurrence.rdates.isEmpty }

    var durationSeconds: Int { Int(event.duration.rounded()) }

    /// The instant of a wall-clock time in the event's zone.
    func instant(_ local: LocalDateTime) -> Int {
        var resolver = ZoneResolver(timeZone: zone)
        return resolver.resolve(local: local.localSeconds).instant
    }

    /// The wall-clock time of an instant in the event's zone.
    func local(_ instant: Int) -> LocalDateTime {
        var resolver = ZoneResolver(timeZone: zone)
        return LocalDateTime(localSeconds: instant + resolver.offset(at: instant))
    }

    /// The instants the VEVENT spans, and whether the series goes on past them.
    func span() -> (start: Int, end: Int, openEnded: Bool) {
        if let instance {
            let original = instant(instance.key)
            return (min(instance.start, original), max(instance.end, original), false)
        }
        let start = instant(recurrence.start)
        var end = start + durationSeconds
        let horizon = start + 10 * 366 * 86_400
        var count = 0
        for occurrence in recurrence {
            let t = Int(occurrence.date.timeIntervalSince1970.rounded(.down))
            if t > horizon || count >= 5_000 { return (start, max(end, horizon), true) }
            end = max(end, t + durationSeconds)
            count += 1
        }
        return (start, end, false)
    }

    /// The rule with a UTC `UNTIL`, as RFC 5545 requires next to a DTSTART with a TZID.
    func exportedRule() -> RecurrenceRule? {
        guard let rule = recurrence.rule else { return nil }
        let until: RecurrenceUntil
        switch rule.until {
        case .local(let value)?:
            until = .utc(LocalDateTime(localSeconds: instant(value)))
        case .date(let value)?:
            // The engine reads a date UNTIL as its local midnight, as libical and dateutil do.
            until = .utc(LocalDateTime(localSeconds: instant(value.startOfDay)))
        case .utc?, nil:
            return rule
        }
        // Only UNTIL changes, and a UTC UNTIL is valid wherever the local one was.
        return (try? RecurrenceRule(
            frequency: rule.frequency, interval: rule.interval, count: rule.count, until: until, bySecond: rule.bySecond,
            byMinute: rule.byMinute, byHour: rule.byHour, byDay: rule.byDay, byMonthDay: rule.byMonthDay, byYearDay: rule.byYearDay,
            byWeekNo: rule.byWeekNo, byMonth: rule.byMonth, bySetPos: rule.bySetPos, weekStart: rule.weekStart)) ?? rule
    }

    /// Appends the VEVENT.
    func write(into writer: inout ICalendarLineWriter, stamp: Date, sequence: Int) {
        func times(_ name: String, _ values: [LocalDateTime]) {
            guard !values.isEmpty else { return }
            if isUTC {
                writer.property(name, [], values.map { $0.basicString + "Z" }.joined(separator: ","))
            } else {
                writer.property(name, [("TZID", event.timeZoneIdentifier)], values.map(\.basicString).joined(separator: ","))
            }
        }
        let override = instance?.override
        writer.begin("VEVENT")
        writer.text("UID", "\(event.id)@communitykit")
        writer.property("DTSTAMP", [], ICalendarLineWriter.utc(stamp))
        writer.property("SEQUENCE", [], String(max(0, sequence)))
        if let instance {
            if isSeries { times("RECURRENCE-ID", [instance.key]) }
            times("DTSTART", [local(instance.start)])
            times("DTEND", [local(instance.end)])
        } else {
            let start = instant(recurrence.start)
            times("DTSTART", [recurrence.start])
            times("DTEND", [local(start + durationSeconds)])
            if let rule = exportedRule() { writer.property("RRULE", [], rule.rruleString) }
            times("RDATE", recurrence.rdates)
            times("EXDATE", recurrence.exdates)
        }
        writer.text("SUMMARY", override?.title ?? event.title)
        let description = override?.description ?? event.description
        if !description.isEmpty { writer.text("DESCRIPTION", description) }
        switch override?.location ?? event.location {
        case .online(let url):
            if let url { writer.property("URL", [], url.absoluteString) }
        case .inPerson(let address):
            writer.text("LOCATION", address)
        case .hybrid(let address, let url):
            writer.text("LOCATION", address)
            if let url { writer.property("URL", [], url.absoluteString) }
            writer.property("X-COMMUNITYKIT-LOCATION", [], "hybrid")
        }
        let cancelled = event.status == .cancelled || instance?.isCancelled == true
        writer.property("STATUS", [], cancelled ? "CANCELLED" : "CONFIRMED")
        writer.property("X-COMMUNITYKIT-FORMAT", [], event.format.rawValue)
        writer.end("VEVENT")
    }
}
