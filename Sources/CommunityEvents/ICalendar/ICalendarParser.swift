import CommunityCore
import Foundation

/// Reads VEVENTs out of iCalendar text; see ``ICalendar/events(from:)``.
struct ICalendarParser {
    /// The zone of floating and DATE times.
    let defaultTimeZone: String

    /// Where a date-time value lives.
    enum Zone {
        case named(String, TimeZone)
        case utc
        case floating
    }

    /// A DATE or DATE-TIME value with its zone.
    struct Moment {
        var local: LocalDateTime
        var zone: Zone
        var isDate: Bool
    }

    /// The zone every time of one VEVENT is expressed in.
    struct EventZone {
        var identifier: String
        var zone: TimeZone

        func instant(_ moment: Moment) -> Int {
            switch moment.zone {
            case .utc: return moment.local.localSeconds
            case .named(_, let other):
                var resolver = ZoneResolver(timeZone: other)
                return resolver.resolve(local: moment.local.localSeconds).instant
            case .floating:
                var resolver = ZoneResolver(timeZone: zone)
                return resolver.resolve(local: moment.local.localSeconds).instant
            }
        }

        /// The wall-clock time of a moment in this zone.
        func local(_ moment: Moment) -> LocalDateTime {
            switch moment.zone {
            case .floating: return moment.local
            case .named(let id, _) where id == identifier: return moment.local
            case .utc where identifier == "UTC": return moment.local
            default:
                let t = instant(moment)
                var resolver = ZoneResolver(timeZone: zone)
                return LocalDateTime(localSeconds: t + resolver.offset(at: t))
            }
        }
    }

    func events(from bytes: [UInt8]) throws -> [ICalendarEvent] {
        var stack: [(name: String, line: Int)] = []
        var properties: [ICalendarContentLine] = []
        var result: [ICalendarEvent] = []
        var sawCalendar = false
        for (number, text) in ICalendarText.logicalLines(bytes) {
            let content = try ICalendarContentLine(parsing: text, line: number)
            switch content.name {
            case "BEGIN":
                let component = content.value.trimmingCharacters(in: .whitespaces).uppercased()
                if stack.isEmpty {
                    guard component == "VCALENDAR" else {
                        throw content.error("expected BEGIN:VCALENDAR, found BEGIN:\(RecurrenceRule.clip(component))")
                    }
                    sawCalendar = true
                }
                stack.append((component, number))
                if component == "VEVENT", stack.count == 2 { properties = [] }
            case "END":
                let component = content.value.trimmingCharacters(in: .whitespaces).uppercased()
                guard let open = stack.last, stack.contains(where: { $0.name == component }) else {
                    throw content.error("END:\(RecurrenceRule.clip(component)) has no matching BEGIN:\(RecurrenceRule.clip(component))")
                }
                guard open.name == component else {
                    // It closes an outer component while this one is open: this one lacks its END.
                    throw ICalendarContentLine.error(open.line, "BEGIN:\(RecurrenceRule.clip(open.name)) is not closed: "
                        + "END:\(RecurrenceRule.clip(component)) comes at line \(number) before END:\(RecurrenceRule.clip(open.name))")
                }
                if component == "VEVENT", stack.count == 2 { result.append(try event(properties, line: open.line)) }
                stack.removeLast()
            default:
                guard !stack.isEmpty else {
                    throw content.error("\(content.name) is outside BEGIN:VCALENDAR … END:VCALENDAR")
                }
                if stack.count == 2, stack[1].name == "VEVENT" { properties.append(content) }
            }
        }
        if let open = stack.last {
            throw ICalendarContentLine.error(open.line, "BEGIN:\(RecurrenceRule.clip(open.name)) is never closed: "
                + "END:\(RecurrenceRule.clip(open.name)) is missing")
        }
        guard sawCalendar else { throw ICalendarContentLine.error(1, "no BEGIN:VCALENDAR: this is not an iCalendar file") }
        return result
    }

    /// Builds one event from the properties of a VEVENT that begins at `line`.
    func event(_ properties: [ICalendarContentLine], line: Int) throws -> ICalendarEvent {
        func first(_ name: String) -> ICalendarContentLine? { properties.first { $0.name == name } }
        guard let startProperty = first("DTSTART") else {
            throw ICalendarContentLine.error(line, "the VEVENT has no DTSTART")
        }
        let start = try moment(startProperty.value, of: startProperty)
        let eventZone: EventZone
        switch start.zone {
        case .named(let id, let zone): eventZone = EventZone(identifier: id, zone: zone)
        case .utc: eventZone = EventZone(identifier: "UTC", zone: TimeZone(secondsFromGMT: 0) ?? .gmt)
        case .floating:
            guard let zone = TimeZone(identifier: defaultTimeZone) else {
                throw startProperty.error("the default time zone '\(RecurrenceRule.clip(defaultTimeZone))' for floating times is not an IANA zone")
            }
            eventZone = EventZone(identifier: defaultTimeZone, zone: zone)
        }
        let startInstant = eventZone.instant(start)

        var duration: Int
        if let endProperty = first("DTEND") {
            let end = try moment(endProperty.value, of: endProperty)
            duration = start.isDate && end.isDate
                ? (end.local.dayNumber - start.local.dayNumber) * 86_400 : eventZone.instant(end) - startInstant
            guard duration >= 0 else { throw endProperty.error("DTEND is before DTSTART (line \(startProperty.line))") }
        } else if let durationProperty = first("DURATION") {
            duration = try Self.duration(durationProperty)
            guard duration >= 0 else { throw durationProperty.error("DURATION must not be negative") }
        } else {
            duration = start.isDate ? 86_400 : 0
        }

        let startLocal = eventZone.local(start)
        var draft = EventDraft(title: first("SUMMARY").map { ICalendarText.unescape($0.value) } ?? "", start: startLocal.isoString,
                               timeZone: eventZone.identifier, duration: TimeInterval(duration))
        if let description = first("DESCRIPTION") { draft.description = ICalendarText.unescape(description.value) }

        let rules = properties.filter { $0.name == "RRULE" }
        if rules.count > 1 { throw rules[1].error("a second RRULE: a CommunityKit event has one rule") }
        if let ruleProperty = rules.first {
            do {
                draft.recurrenceRule = try RecurrenceRule(parsing: ruleProperty.value).rruleString
            } catch let error as CommunityError {
                throw ruleProperty.error("invalid RRULE (\(error.field ?? "rrule")): \(error.message)")
            }
        }
        for property in properties where property.name == "RDATE" || property.name == "EXDATE" {
            let isPeriod = property.parameter("VALUE")?.uppercased() == "PERIOD"
            let values = try property.value.split(separator: ",").map { value -> String in
                let text = isPeriod ? String(value.prefix { $0 != "/" }) : String(value)
                let date = try moment(text, of: property)
                if date.isDate, !start.isDate {
                    // A day of a timed series: that day at the start's wall-clock time.
                    let day = date.local
                    return LocalDateTime(unchecked: day.year, day.month, day.day, startLocal.hour, startLocal.minute, startLocal.second).isoString
                }
                return eventZone.local(date).isoString
            }
            if property.name == "RDATE" { draft.recurrenceDates += values } else { draft.exceptionDates += values }
        }

        let address = first("LOCATION").map { ICalendarText.unescape($0.value) }
        var joinURL: URL?
        if let urlProperty = first("URL") {
            let text = urlProperty.value.trimmingCharacters(in: .whitespaces)
            guard let url = URL(string: text), url.scheme != nil else {
                throw urlProperty.error("URL '\(RecurrenceRule.clip(text))' is not an absolute URL")
            }
            joinURL = url
        }
        let hybrid = first("X-COMMUNITYKIT-LOCATION")?.value.lowercased() == "hybrid"
        switch (address, joinURL) {
        case (let address?, let url) where url != nil || hybrid: draft.location = .hybrid(address: address, joinURL: url)
        case (let address?, _): draft.location = .inPerson(address: address)
        case (nil, let url): draft.location = .online(joinURL: url)
        }
        if let format = first("X-COMMUNITYKIT-FORMAT")?.value.lowercased(),
            let known = CommunityEvent.Format.allCases.first(where: { $0.rawValue.lowercased() == format })
        {
            draft.format = known
        }

        var recurrenceID: String?
        if let idProperty = first("RECURRENCE-ID") {
            recurrenceID = eventZone.local(try moment(idProperty.value, of: idProperty)).isoString
        }
        var sequence = 0
        if let sequenceProperty = first("SEQUENCE") {
            guard let value = Int(sequenceProperty.value.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                throw sequenceProperty.error("SEQUENCE '\(RecurrenceRule.clip(sequenceProperty.value))' is not a non-negative integer")
            }
            sequence = value
        }
        let status: CommunityEvent.Status = first("STATUS")?.value.uppercased() == "CANCELLED" ? .cancelled : .scheduled
        return ICalendarEvent(uid: first("UID").map { ICalendarText.unescape($0.value) }, draft: draft, status: status,
                              sequence: sequence, recurrenceID: recurrenceID, isAllDay: start.isDate, line: line)
    }

    /// Reads a DATE or DATE-TIME value of a property, with its TZID or `Z`.
    func moment(_ text: String, of property: ICalendarContentLine) throws -> Moment {
        let value = text.trimmingCharacters(in: .whitespaces)
        let shown = RecurrenceRule.clip(value)
        guard [8, 15, 16].contains(value.utf8.count) else {
            throw property.error("\(property.name) value '\(shown)' is not an iCalendar date-time "
                + "(YYYYMMDDTHHMMSS, YYYYMMDDTHHMMSSZ) or date (YYYYMMDD)")
        }
        let parsed: LocalDateTime.Parsed
        do {
            parsed = try LocalDateTime.parse(value, field: property.name)
        } catch let error as CommunityError {
            throw property.error("\(property.name) value is not a valid date-time: \(error.message)")
        }
        if property.parameter("VALUE")?.uppercased() == "DATE", !parsed.isDate {
            throw property.error("\(property.name) says VALUE=DATE but '\(shown)' is a date-time")
        }
        if parsed.isUTC { return Moment(local: parsed.value, zone: .utc, isDate: false) }
        if parsed.isDate { return Moment(local: parsed.value, zone: .floating, isDate: true) }
        guard let tzid = property.parameter("TZID") else { return Moment(local: parsed.value, zone: .floating, isDate: false) }
        guard let zone = Self.timeZone(tzid) else {
            throw property.error("unknown TZID '\(RecurrenceRule.clip(tzid))': use an IANA zone name such as Europe/Paris")
        }
        return Moment(local: parsed.value, zone: .named(tzid, zone), isDate: false)
    }

    /// An IANA zone for a TZID, also under a path prefix (`/mozilla.org/20050126_1/Europe/Paris`).
    static func timeZone(_ tzid: String) -> TimeZone? {
        if let zone = TimeZone(identifier: tzid) { return zone }
        let parts = tzid.split(separator: "/")
        guard parts.count > 2 else { return nil }
        for count in [3, 2] where parts.count > count {
            if let zone = TimeZone(identifier: parts.suffix(count).joined(separator: "/")) { return zone }
        }
        return nil
    }

    /// Reads a DURATION value (§3.3.6): `[+|-]P[nW]` or `[+|-]P[nD][T[nH][nM][nS]]`, in seconds
    /// (a day counts 86,400).
    static func duration(_ property: ICalendarContentLine) throws -> Int {
        let text = property.value.trimmingCharacters(in: .whitespaces)
        func fail() -> CommunityError {
            property.error("DURATION '\(RecurrenceRule.clip(text))' is not like PT1H30M, P1D or P2W")
        }
        var rest = Substring(text)
        var sign = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { throw fail() }
        rest = rest.dropFirst()
        var total = 0
        var inTime = false
        var digits = ""
        var sawUnit = false
        for character in rest {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 9 else { throw fail() }
                continue
            }
            if character == "T", digits.isEmpty, !inTime {
                inTime = true
                continue
            }
            guard let number = Int(digits) else { throw fail() }
            switch (character, inTime) {
            case ("W", false): total += number * 7 * 86_400
            case ("D", false): total += number * 86_400
            case ("H", true): total += number * 3600
            case ("M", true): total += number * 60
            case ("S", true): total += number
            default: throw fail()
            }
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty else { throw fail() }
        return sign * total
    }
}
