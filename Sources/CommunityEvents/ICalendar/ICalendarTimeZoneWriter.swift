import Foundation

/// Writes a VTIMEZONE from Foundation's time zone data (§3.6.5), so calendars that do not know
/// the IANA name still resolve the TZID.
///
/// Each transition in the span becomes an observance (DAYLIGHT or STANDARD) whose DTSTART is the
/// local time of the onset before it happens (in TZOFFSETFROM). Transitions that repeat yearly on
/// the same month, weekday ordinal and time merge into one observance with a yearly RRULE; the
/// final run of each kind stays open-ended when the series is, so the zone's current rule
/// covers every later occurrence.
struct ICalendarTimeZoneWriter {
    /// One offset change.
    struct Transition {
        var instant: Int
        var from: Int
        var to: Int
        var isDaylight: Bool
        var name: String?
        /// The onset in local time before the change.
        var local: LocalDateTime { LocalDateTime(localSeconds: instant + from) }
    }

    /// Observances that share one rule, in consecutive years.
    struct Run {
        var transitions: [Transition]
        var ordinals: Set<Int>
    }

    /// The TZID, as the events name it.
    let identifier: String
    let zone: TimeZone

    /// The offset changes with `start ≤ instant ≤ end`.
    func transitions(from start: Int, to end: Int) -> [Transition] {
        var result: [Transition] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(start))
        while result.count < 2_000, let next = zone.nextDaylightSavingTimeTransition(after: cursor) {
            let instant = Int(next.timeIntervalSince1970.rounded())
            guard instant <= end else { break }
            if let last = result.last, instant <= last.instant { break }
            let at = Date(timeIntervalSince1970: TimeInterval(instant))
            let from = zone.secondsFromGMT(for: at.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: at)
            if from != to {
                result.append(Transition(instant: instant, from: from, to: to, isDaylight: zone.isDaylightSavingTime(for: at),
                                         name: zone.abbreviation(for: at)))
            }
            cursor = at
        }
        return result
    }

    /// The weekday ordinals (`2` for 2SU, `-1` for the last) that name a date in its month.
    static func ordinals(of local: LocalDateTime) -> Set<Int> {
        var result: Set<Int> = [(local.day - 1) / 7 + 1]
        if local.day + 7 > CivilCalendar.daysInMonth(year: local.year, month: local.month) { result.insert(-1) }
        return result
    }

    /// Appends the VTIMEZONE for instants from `start` to `end`; `openEnded` when the series goes on.
    func write(into writer: inout ICalendarLineWriter, start: Int, end: Int, openEnded: Bool) {
        writer.begin("VTIMEZONE")
        writer.property("TZID", [], identifier)
        let changes = transitions(from: start - 366 * 86_400, to: end)
        let startDate = Date(timeIntervalSince1970: TimeInterval(start))
        if changes.first.map({ $0.instant > start }) ?? true {
            // No change before the start: one observance for the offset in force then.
            let offset = zone.secondsFromGMT(for: startDate)
            let kind = zone.isDaylightSavingTime(for: startDate) ? "DAYLIGHT" : "STANDARD"
            writer.begin(kind)
            writer.property("DTSTART", [], "19700101T000000")
            writer.property("TZOFFSETFROM", [], ICalendarLineWriter.offset(offset))
            writer.property("TZOFFSETTO", [], ICalendarLineWriter.offset(offset))
            if let name = zone.abbreviation(for: startDate) { writer.text("TZNAME", name) }
            writer.end(kind)
        }
        for isDaylight in [false, true] {
            let runs = Self.runs(changes.filter { $0.isDaylight == isDaylight })
            for (index, run) in runs.enumerated() {
                write(run, isLast: index == runs.count - 1, openEnded: openEnded, into: &writer)
            }
        }
        writer.end("VTIMEZONE")
    }

    /// Splits one kind's transitions into runs of the same yearly rule.
    static func runs(_ transitions: [Transition]) -> [Run] {
        var runs: [Run] = []
        for transition in transitions {
            let local = transition.local
            let ordinals = Self.ordinals(of: local)
            if var run = runs.last, let last = run.transitions.last {
                let previous = last.local
                let common = run.ordinals.intersection(ordinals)
                if previous.year + 1 == local.year, previous.month == local.month, previous.weekday == local.weekday,
                    previous.secondOfDay == local.secondOfDay, last.from == transition.from, last.to == transition.to,
                    !common.isEmpty
                {
                    run.transitions.append(transition)
                    run.ordinals = common
                    runs[runs.count - 1] = run
                    continue
                }
            }
            runs.append(Run(transitions: [transition], ordinals: ordinals))
        }
        return runs
    }

    private func write(_ run: Run, isLast: Bool, openEnded: Bool, into writer: inout ICalendarLineWriter) {
        guard let first = run.transitions.first, let last = run.transitions.last else { return }
        let kind = first.isDaylight ? "DAYLIGHT" : "STANDARD"
        writer.begin(kind)
        writer.property("DTSTART", [], first.local.basicString)
        writer.property("TZOFFSETFROM", [], ICalendarLineWriter.offset(first.from))
        writer.property("TZOFFSETTO", [], ICalendarLineWriter.offset(first.to))
        let repeats = run.transitions.count > 1 || (isLast && openEnded)
        if repeats {
            let ordinal = run.ordinals.contains(-1) ? -1 : run.ordinals.min() ?? 1
            var rule = "FREQ=YEARLY;BYMONTH=\(first.local.month);BYDAY=\(ordinal)\(first.local.weekday.code)"
            if !(isLast && openEnded) {
                rule += ";UNTIL=" + ICalendarLineWriter.utc(Date(timeIntervalSince1970: TimeInterval(last.instant)))
            }
            writer.property("RRULE", [], rule)
        }
        if let name = first.name { writer.text("TZNAME", name) }
        writer.end(kind)
    }
}
