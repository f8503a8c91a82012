import CommunityCore
import CommunityEvents
import Foundation

/// `community-demo recur`: expands a recurrence from the command line, or runs an RFC 5545
/// case file.
///
/// ```
/// recur --start 2026-03-01T18:00:00 --tz Europe/Paris --rule 'FREQ=WEEKLY;BYDAY=TU' --count 10
/// recur --cases cases.json
/// ```
///
/// Exit status: 0 on success, 64 for a usage error, 65 for bad input (an invalid date, zone or
/// rule, an unreadable or malformed case file).
enum RecurCommand {
    /// The usage text.
    static let usage = """
        usage: community-demo recur --start LOCAL [--tz ZONE] [--rule RRULE] [--count N]
                                    [--rdate LOCAL]... [--exdate LOCAL]...
               community-demo recur --cases FILE

          --start LOCAL   DTSTART, YYYY-MM-DDTHH:MM:SS (or YYYY-MM-DD for an all-day series)
          --tz ZONE       IANA time zone (omit for floating time)
          --rule RRULE    RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=TU'
          --count N       print at most N occurrences (default: all of a bounded rule,
                          the first \(defaultCount) of an unbounded one)
          --rdate LOCAL   add an occurrence (repeatable)
          --exdate LOCAL  remove an occurrence (repeatable)
          --cases FILE    run an RFC 5545 case file; print the results as a JSON array

        """

    /// How many occurrences an unbounded rule prints without `--count`.
    static let defaultCount = 100

    static let exitUsage: Int32 = 64
    static let exitBadInput: Int32 = 65

    /// Runs the command.
    ///
    /// - Parameter arguments: Everything after `recur`.
    /// - Returns: The exit status.
    static func run(_ arguments: [String]) -> Int32 {
        var options: [String: String] = [:]
        var rdates: [String] = []
        var exdates: [String] = []
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            if name == "-h" || name == "--help" {
                print(usage, terminator: "")
                return 0
            }
            guard ["--start", "--tz", "--rule", "--count", "--rdate", "--exdate", "--cases"].contains(name) else {
                return fail("unknown argument '\(name)'", status: exitUsage, showUsage: true)
            }
            guard index + 1 < arguments.count else {
                return fail("\(name) needs a value", status: exitUsage, showUsage: true)
            }
            let value = arguments[index + 1]
            switch name {
            case "--rdate": rdates.append(value)
            case "--exdate": exdates.append(value)
            default:
                guard options[name] == nil else {
                    return fail("\(name) is given more than once", status: exitUsage, showUsage: true)
                }
                options[name] = value
            }
            index += 2
        }
        if let path = options["--cases"] {
            guard options.count == 1, rdates.isEmpty, exdates.isEmpty else {
                return fail("--cases cannot be combined with other options", status: exitUsage, showUsage: true)
            }
            return runCases(path: path)
        }
        guard let start = options["--start"] else {
            return fail("--start (or --cases) is required", status: exitUsage, showUsage: true)
        }
        var limit: Int?
        if let text = options["--count"] {
            guard let value = Int(text), value >= 0 else {
                return fail("--count must be a non-negative integer, got '\(text)'", status: exitUsage)
            }
            limit = value
        }
        let rule = options["--rule"]
        let unbounded = rule.map { !$0.uppercased().contains("COUNT=") && !$0.uppercased().contains("UNTIL=") } ?? false
        let series = RecurrenceCase(
            id: "recur", dtstart: start, tzid: options["--tz"], rrule: rule,
            rdate: rdates.isEmpty ? nil : rdates, exdate: exdates.isEmpty ? nil : exdates,
            limit: limit ?? (unbounded ? defaultCount : nil))
        let result = series.run()
        if let error = result.error {
            return fail(error, status: exitBadInput)
        }
        var output = ""
        for occurrence in result.occurrences ?? [] {
            output += occurrence
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        return 0
    }

    private static func runCases(path: String) -> Int32 {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return fail("cannot read case file '\(path)': \(error.localizedDescription)", status: exitBadInput)
        }
        let cases: [RecurrenceCase]
        do {
            cases = try JSONDecoder().decode([RecurrenceCase].self, from: data)
        } catch {
            return fail("'\(path)' is not a JSON array of cases: \(describe(error))", status: exitBadInput)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        do {
            var json = try encoder.encode(cases.map { $0.run() })
            json.append(0x0A)
            FileHandle.standardOutput.write(json)
            return 0
        } catch {
            return fail("cannot encode the results: \(error)", status: exitBadInput)
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    private static func fail(_ message: String, status: Int32, showUsage: Bool = false) -> Int32 {
        var text = "community-demo recur: \(message)\n"
        if showUsage { text += usage }
        FileHandle.standardError.write(Data(text.utf8))
        return status
    }
}
