public import Foundation

/// Writes records in the activity exchange format (JSON Lines), the export side of
/// ``ActivityLogReader``: `read(write(log))` returns the same events in the same order.
///
/// Each line has `type` first, then the fields of the format's table in a fixed order. Optional
/// fields are written only when they differ from the default (`staff`/`bot` when `true`,
/// `parent` and `tags` when present). Times are RFC 3339 UTC with fractional seconds only
/// when non-zero (microsecond precision).
///
/// ```swift
/// let data = ActivityLogWriter.write(log.records)
/// try data.write(to: URL(fileURLWithPath: "export.jsonl"))
/// ```
public enum ActivityLogWriter {
    /// Encodes records, one line each, in the given order (line numbers are not written).
    /// - Parameter records: The records to export.
    /// - Returns: UTF-8 JSON Lines, each line terminated by `\n`.
    public static func write(_ records: [ActivityRecord]) -> Data {
        var out = ""
        out.reserveCapacity(records.count * 96)
        for record in records {
            out += line(for: record.event)
            out += "\n"
        }
        return Data(out.utf8)
    }

    /// The JSON object (without newline) for one event.
    /// - Parameter event: The activity.
    /// - Returns: One line of the exchange format.
    public static func line(for event: ActivityEvent) -> String {
        var fields: [(String, String)] = [("type", quote(event.typeName))]
        func add(_ key: String, _ value: String) { fields.append((key, quote(value))) }
        func addTime(_ date: Date) { fields.append(("t", quote(RFC3339.format(date)))) }
        switch event {
        case let .member(member, time, staff, bot):
            add("member", member); addTime(time)
            if staff { fields.append(("staff", "true")) }
            if bot { fields.append(("bot", "true")) }
        case let .role(member, time, staff):
            add("member", member); addTime(time); fields.append(("staff", staff ? "true" : "false"))
        case let .tag(tag, product):
            add("tag", tag); fields.append(("product", product ? "true" : "false"))
        case let .thread(id, member, time, space, kind, tags):
            add("id", id); add("member", member); addTime(time); add("space", space); add("kind", kind.rawValue)
            if let tags { fields.append(("tags", "[" + tags.map(quote).joined(separator: ",") + "]")) }
        case let .reply(id, member, time, thread, parent):
            add("id", id); add("member", member); addTime(time); add("thread", thread)
            if let parent { add("parent", parent) }
        case let .accept(member, time, thread, post):
            add("member", member); addTime(time); add("thread", thread); add("post", post)
        case let .react(member, time, post), let .delete(member, time, post), let .flag(member, time, post):
            add("member", member); addTime(time); add("post", post)
        case let .rsvp(member, time, event), let .attend(member, time, event):
            add("member", member); addTime(time); add("event", event)
        case let .view(member, time, resource):
            add("member", member); addTime(time); add("resource", resource)
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal for `text`, escaping quotes, backslashes and control characters.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
