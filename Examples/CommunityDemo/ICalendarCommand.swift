import CommunityCore
import CommunityEvents
import Foundation

/// `community-demo ics`: writes an event as an iCalendar file, or reads one back.
///
/// ```
/// ics --start 2026-03-03T18:00:00 --tz Europe/Paris --rule 'FREQ=WEEKLY;BYDAY=TU;COUNT=5' --title "Swift meetup"
/// ics --import FILE.ics
/// ```
///
/// Exit status: 0 on success, 64 for a usage error, 65 for bad input (an invalid event, an
/// unreadable file, or malformed iCalendar, reported with its line number).
enum ICalendarCommand {
    /// The usage text.
    static let usage = """
        usage: community-demo ics --start LOCAL --tz ZONE [--title TEXT] [--duration MINUTES] [--rule RRULE]
                                  [--rdate LOCAL]... [--exdate LOCAL]... [--description TEXT]
                                  [--address TEXT] [--url URL] [--cancelled] [--sequence N] [--stamp UTC]
               community-demo ics --import FILE

          --start LOCAL       first start, YYYY-MM-DDTHH:MM:SS, in --tz
          --tz ZONE           IANA time zone, e.g. Europe/Paris
          --title TEXT        SUMMARY (default: "Community event")
          --duration MINUTES  length of each occurrence (default: 60)
          --rule RRULE        RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=TU;COUNT=5'
          --rdate/--exdate    extra or excluded local starts (repeatable)
          --address/--url     where: in person, online, or both
          --cancelled         STATUS:CANCELLED
          --sequence N        SEQUENCE (default: 0)
          --stamp UTC         DTSTAMP, YYYY-MM-DDTHH:MM:SSZ (default: now)
          --import FILE       read FILE.ics and print the events it holds

        """

    static let exitUsage: Int32 = 64
    static let exitBadInput: Int32 = 65

    /// Runs the command.
    ///
    /// - Parameter arguments: Everything after `ics`.
    /// - Returns: The exit status.
    static func run(_ arguments: [String]) async -> Int32 {
        var options: [String: String] = [:]
        var rdates: [String] = []
        var exdates: [String] = []
        var cancelled = false
        var rest = arguments[...]
        let valued: Set<String> = ["--start", "--tz", "--title", "--duration", "--rule", "--rdate", "--exdate", "--description",
                                   "--address", "--url", "--sequence", "--stamp", "--import"]
        while let name = rest.popFirst() {
            switch name {
            case "-h", "--help":
                print(usage, terminator: "")
                return 0
            case "--cancelled":
                cancelled = true
            case _ where valued.contains(name):
                guard let value = rest.popFirst() else { return fail("\(name) needs a value", status: exitUsage, showUsage: true) }
                if name == "--rdate" { rdates.append(value) } else if name == "--exdate" { exdates.append(value) } else {
                    guard options[name] == nil else { return fail("\(name) is given more than once", status: exitUsage, showUsage: true) }
                    options[name] = value
                }
            default:
                return fail("unknown argument '\(name)'", status: exitUsage, showUsage: true)
            }
        }
        if let path = options["--import"] {
            guard options.count == 1, rdates.isEmpty, exdates.isEmpty, !cancelled else {
                return fail("--import cannot be combined with other options", status: exitUsage, showUsage: true)
            }
            return read(path: path)
        }
        guard let start = options["--start"], let zone = options["--tz"] else {
            return fail("--start and --tz (or --import) are required", status: exitUsage, showUsage: true)
        }
        guard let minutes = Int(options["--duration"] ?? "60"), minutes > 0 else {
            return fail("--duration must be a positive number of minutes", status: exitUsage)
        }
        guard let sequence = Int(options["--sequence"] ?? "0"), sequence >= 0 else {
            return fail("--sequence must be a non-negative integer", status: exitUsage)
        }
        var stamp = Date()
        if let text = options["--stamp"] {
            guard let date = ISO8601DateFormatter().date(from: text) else {
                return fail("--stamp must be a UTC time like 2026-01-01T00:00:00Z, got '\(text)'", status: exitUsage)
            }
            stamp = date
        }
        var url: URL?
        if let text = options["--url"] {
            guard let parsed = URL(string: text) else { return fail("--url '\(text)' is not a URL", status: exitBadInput) }
            url = parsed
        }
        let location: CommunityEvent.Location = switch (options["--address"], url) {
        case (let address?, let url?): .hybrid(address: address, joinURL: url)
        case (let address?, nil): .inPerson(address: address)
        case (nil, let url): .online(joinURL: url)
        }
        do {
            let title = try Validate.name(options["--title"] ?? "Community event", field: "title", max: 200)
            let event = CommunityEvent(
                id: IDGenerator.uuidV7.next(at: stamp), communityID: IDGenerator.uuidV7.next(at: stamp), spaceID: nil, title: title,
                description: options["--description"] ?? "", hosts: [], format: .meetup, location: location, start: start,
                timeZoneIdentifier: zone, duration: TimeInterval(minutes * 60), recurrenceRule: options["--rule"],
                recurrenceDates: rdates, exceptionDates: exdates, status: cancelled ? .cancelled : .scheduled,
                createdBy: .system("community-demo"), createdAt: stamp)
            let text = try ICalendar().export(event, stamp: stamp, sequence: sequence)
            FileHandle.standardOutput.write(Data(text.utf8))
            return 0
        } catch let error as CommunityError {
            return fail("\(error.message)\(error.field.map { " [\($0)]" } ?? "")", status: exitBadInput)
        } catch {
            return fail("\(error)", status: exitBadInput)
        }
    }

    /// Prints the events of an iCalendar file, with their first occurrences.
    private static func read(path: String) -> Int32 {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return fail("cannot read '\(path)': \(error.localizedDescription)", status: exitBadInput)
        }
        let events: [ICalendarEvent]
        do {
            events = try ICalendar().events(from: data)
        } catch let error as CommunityError {
            return fail("\(path): \(error.message)", status: exitBadInput)
        } catch {
            return fail("\(path): \(error)", status: exitBadInput)
        }
        var output = "\(events.count) event\(events.count == 1 ? "" : "s") in \(path)\n"
        for (index, event) in events.enumerated() {
            let draft = event.draft
            output += "\nevent \(index + 1) (line \(event.line)): \(draft.title)\n"
            output += "  uid:         \(event.uid ?? "-")\n"
            output += "  start:       \(draft.start) \(draft.timeZone)\(event.isAllDay ? " (all day)" : "")\n"
            output += "  duration:    \(Int(draft.duration / 60)) min\n"
            if let rule = draft.recurrenceRule { output += "  rrule:       \(rule)\n" }
            if !draft.recurrenceDates.isEmpty { output += "  rdate:       \(draft.recurrenceDates.joined(separator: ", "))\n" }
            if !draft.exceptionDates.isEmpty { output += "  exdate:      \(draft.exceptionDates.joined(separator: ", "))\n" }
            if let id = event.recurrenceID { output += "  overrides:   \(id)\n" }
            switch draft.location {
            case .online(let url): output += "  location:    online\(url.map { " \($0.absoluteString)" } ?? "")\n"
            case .inPerson(let address): output += "  location:    \(address)\n"
            case .hybrid(let address, let url): output += "  location:    \(address) + \(url?.absoluteString ?? "online")\n"
            }
            if !draft.description.isEmpty {
                output += "  description: \(draft.description.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n               "))\n"
            }
            output += "  status:      \(event.status.rawValue), sequence \(event.sequence)\n"
            if let occurrences = firstOccurrences(of: draft, count: 5) {
                output += "  first:       \(occurrences.joined(separator: "\n               "))\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        return 0
    }

    /// The first occurrences of a draft's series, or `nil` when it does not expand.
    private static func firstOccurrences(of draft: EventDraft, count: Int) -> [String]? {
        guard let zone = TimeZone(identifier: draft.timeZone), let start = try? LocalDateTime(parsing: draft.start),
            let rdates = try? draft.recurrenceDates.map({ try LocalDateTime(parsing: $0) }),
            let exdates = try? draft.exceptionDates.map({ try LocalDateTime(parsing: $0) })
        else { return nil }
        var rule: RecurrenceRule?
        if let text = draft.recurrenceRule {
            guard let parsed = try? RecurrenceRule(parsing: text) else { return nil }
            rule = parsed
        }
        guard let series = try? Recurrence(start: start, timeZone: zone, rule: rule, rdates: rdates, exdates: exdates) else { return nil }
        return series.prefix(count).map(\.description)
    }

    private static func fail(_ message: String, status: Int32, showUsage: Bool = false) -> Int32 {
        var text = "community-demo ics: \(message)\n"
        if showUsage { text += usage }
        FileHandle.standardError.write(Data(text.utf8))
        return status
    }
}
