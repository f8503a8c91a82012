public import CommunityCore
public import Foundation

/// Reads the activity exchange format (JSON Lines) into an ``ActivityLog``.
///
/// One JSON object per line, UTF-8, lines in any order; blank lines are skipped. Times are
/// RFC 3339 (`2026-03-01T18:00:00Z`, fractional seconds allowed; a numeric offset is converted
/// to UTC). Unknown fields are ignored. Reading is all or nothing: the first bad line throws a
/// ``CommunityError`` with code `invalidInput`, a message starting `line N:` and `field`
/// `"line N"`, and no record is returned. A line is bad when it is not a JSON object, its `type`
/// is unknown, a required field is missing or has the wrong JSON type, a time is malformed,
/// or its member appears (in (t, line) order) before that member's `member` line, or a member
/// has two `member` lines.
///
/// The parser is a hand-written byte scanner: per-line `JSONDecoder` was measured several times
/// slower on Linux.
///
/// ```swift
/// let log = try ActivityLogReader.read(contentsOf: URL(fileURLWithPath: "activity.jsonl"))
/// let report = InsightsReport.compute(from: log)
/// ```
public enum ActivityLogReader {
    /// The bytes of `url`, or an `invalidInput` error on the `file` field saying why not.
    static func fileContents(_ url: URL) throws(CommunityError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw CommunityError.invalidInput(
                "cannot read \(url.path): \(error.localizedDescription); check the path and permissions",
                field: "file"
            )
        }
    }

    /// Reads a file in the exchange format.
    /// - Parameter url: A file URL.
    /// - Returns: The records sorted by (t, line).
    /// - Throws: ``CommunityError`` `invalidInput` naming the line, or if the file cannot be read.
    public static func read(contentsOf url: URL) throws(CommunityError) -> ActivityLog {
        try read(fileContents(url))
    }

    /// Reads exchange-format text.
    /// - Parameter text: JSON Lines.
    /// - Returns: The records sorted by (t, line).
    /// - Throws: ``CommunityError`` `invalidInput` naming the first bad line.
    public static func read(_ text: String) throws(CommunityError) -> ActivityLog {
        try read(Data(text.utf8))
    }

    /// Reads exchange-format bytes.
    /// - Parameter data: UTF-8 JSON Lines.
    /// - Returns: The records sorted by (t, line).
    /// - Throws: ``CommunityError`` `invalidInput` naming the first bad line.
    public static func read(_ data: Data) throws(CommunityError) -> ActivityLog {
        var records: [ActivityRecord] = []
        try forEachLine(of: data) { (bytes, line, start, end) throws(CommunityError) in
            records.append(ActivityRecord(line: line, event: try parseLine(bytes, start: start, end: end, line: line)))
        }
        let log = ActivityLog(records: records)
        try checkMembers(log.records)
        return log
    }

    /// Calls `body` with the bytes and the content range of every non-blank line (1-based line
    /// numbers; trailing CR and surrounding blanks trimmed; a UTF-8 byte order mark skipped).
    static func forEachLine(
        of data: Data, _ body: (UnsafeBufferPointer<UInt8>, Int, Int, Int) throws(CommunityError) -> Void
    ) throws(CommunityError) {
        let result: Result<Void, CommunityError> = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Void, CommunityError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var contentEnd = lineEnd
                while contentEnd > lineStart, [0x20, 0x09, 0x0D].contains(bytes[contentEnd - 1]) { contentEnd -= 1 }
                var contentStart = lineStart
                if lineNumber == 1, contentEnd - contentStart >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                    contentStart += 3  // UTF-8 byte order mark
                }
                while contentStart < contentEnd, [0x20, 0x09].contains(bytes[contentStart]) { contentStart += 1 }
                if contentStart == contentEnd { continue }
                do throws(CommunityError) {
                    try body(bytes, lineNumber, contentStart, contentEnd)
                } catch {
                    return .failure(error)
                }
            }
            return .success(())
        }
        if case let .failure(error) = result { throw error }
    }

    /// Parses one line's content into an event.
    static func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, line: Int) throws(CommunityError) -> ActivityEvent {
        var scanner = JSONLineScanner(bytes: bytes, start: start, end: end)
        let fields: JSONObjectFields
        do throws(JSONLineScanner.Failure) {
            fields = try scanner.parseObject()
        } catch {
            throw lineError(line, "not a JSON object (column \(error.column): \(error.reason))")
        }
        return try event(from: fields, line: line)
    }

    /// Every member must have exactly one `member` line, before (in (t, line) order) any other
    /// line that names them.
    private static func checkMembers(_ records: [ActivityRecord]) throws(CommunityError) {
        var joinedAt: [String: Int] = [:]
        for record in records {
            guard let member = record.event.member else { continue }
            if case .member = record.event {
                if let first = joinedAt[member] {
                    throw secondMemberLine(member, line: record.line, firstLine: first)
                }
                joinedAt[member] = record.line
            } else if joinedAt[member] == nil {
                throw memberBeforeJoin(member, line: record.line)
            }
        }
    }

    static func lineError(_ line: Int, _ message: String) -> CommunityError {
        CommunityError.invalidInput("line \(line): \(message)", field: "line \(line)")
    }

    /// The error of a line whose member has no member line at or before it.
    static func memberBeforeJoin(_ member: String, line: Int) -> CommunityError {
        lineError(line, "member \"\(member)\" appears before their member line; add a member line with a t at or before this line's t")
    }

    /// The error of a second member line for `member` (the first at `firstLine`).
    static func secondMemberLine(_ member: String, line: Int, firstLine: Int) -> CommunityError {
        lineError(line, "member \"\(member)\" already has a member line (line \(firstLine)); give each member exactly one member line and use role lines for staff changes")
    }

    private static let requiredFields: [String: String] = [
        "member": "member, t", "role": "member, t, staff", "tag": "tag, product",
        "thread": "id, member, t, space, kind", "reply": "id, member, t, thread",
        "accept": "member, t, thread, post", "react": "member, t, post", "delete": "member, t, post",
        "flag": "member, t, post", "rsvp": "member, t, event", "attend": "member, t, event",
        "view": "member, t, resource",
    ]

    private static func event(from fields: JSONObjectFields, line: Int) throws(CommunityError) -> ActivityEvent {
        guard let typeField = fields["type"] else {
            throw lineError(line, "missing field \"type\"; expected one of \(knownTypes)")
        }
        guard case let .string(type) = typeField else {
            throw lineError(line, "field \"type\" must be a string, found \(typeField.typeName)")
        }
        guard let required = requiredFields[type] else {
            throw lineError(line, "unknown type \"\(type)\"; expected one of \(knownTypes)")
        }
        let reader = FieldReader(fields: fields, line: line, type: type, required: required)
        switch type {
        case "member":
            return .member(member: try reader.string("member"), time: try reader.time(),
                           staff: try reader.optionalBool("staff") ?? false, bot: try reader.optionalBool("bot") ?? false)
        case "role":
            return .role(member: try reader.string("member"), time: try reader.time(), staff: try reader.bool("staff"))
        case "tag":
            return .tag(tag: try reader.string("tag"), product: try reader.bool("product"))
        case "thread":
            let kindName = try reader.string("kind")
            guard let kind = ThreadKind(rawValue: kindName) else {
                throw lineError(line, "field \"kind\" must be \"question\" or \"discussion\", found \"\(kindName)\"")
            }
            return .thread(id: try reader.string("id"), member: try reader.string("member"), time: try reader.time(),
                           space: try reader.string("space"), kind: kind, tags: try reader.optionalStrings("tags"))
        case "reply":
            return .reply(id: try reader.string("id"), member: try reader.string("member"), time: try reader.time(),
                          thread: try reader.string("thread"), parent: try reader.optionalString("parent"))
        case "accept":
            return .accept(member: try reader.string("member"), time: try reader.time(),
                           thread: try reader.string("thread"), post: try reader.string("post"))
        case "react":
            return .react(member: try reader.string("member"), time: try reader.time(), post: try reader.string("post"))
        case "delete":
            return .delete(member: try reader.string("member"), time: try reader.time(), post: try reader.string("post"))
        case "flag":
            return .flag(member: try reader.string("member"), time: try reader.time(), post: try reader.string("post"))
        case "rsvp":
            return .rsvp(member: try reader.string("member"), time: try reader.time(), event: try reader.string("event"))
        case "attend":
            return .attend(member: try reader.string("member"), time: try reader.time(), event: try reader.string("event"))
        default:
            return .view(member: try reader.string("member"), time: try reader.time(), resource: try reader.string("resource"))
        }
    }

    private static let knownTypes = "member, role, tag, thread, reply, accept, react, delete, flag, rsvp, attend, view"

    /// Typed access to a line's fields with "line N: …" errors.
    private struct FieldReader {
        let fields: JSONObjectFields
        let line: Int
        let type: String
        let required: String

        func missing(_ name: String) -> CommunityError {
            lineError(line, "missing field \"\(name)\" (a \(type) line needs \(required))")
        }

        func mistyped(_ name: String, _ expected: String, _ found: JSONField) -> CommunityError {
            lineError(line, "field \"\(name)\" must be \(expected), found \(found.typeName)")
        }

        func string(_ name: String) throws(CommunityError) -> String {
            guard let field = fields[name] else { throw missing(name) }
            guard case let .string(value) = field else { throw mistyped(name, "a string", field) }
            guard !value.isEmpty else { throw lineError(line, "field \"\(name)\" must not be empty") }
            return value
        }

        func optionalString(_ name: String) throws(CommunityError) -> String? {
            guard let field = fields[name] else { return nil }
            if case .null = field { return nil }
            guard case let .string(value) = field else { throw mistyped(name, "a string", field) }
            return value
        }

        func bool(_ name: String) throws(CommunityError) -> Bool {
            guard let field = fields[name] else { throw missing(name) }
            guard case let .bool(value) = field else { throw mistyped(name, "true or false", field) }
            return value
        }

        func optionalBool(_ name: String) throws(CommunityError) -> Bool? {
            guard let field = fields[name] else { return nil }
            if case .null = field { return nil }
            guard case let .bool(value) = field else { throw mistyped(name, "true or false", field) }
            return value
        }

        func optionalStrings(_ name: String) throws(CommunityError) -> [String]? {
            guard let field = fields[name] else { return nil }
            if case .null = field { return nil }
            guard case let .stringArray(values) = field else { throw mistyped(name, "an array of strings", field) }
            return values
        }

        func time() throws(CommunityError) -> Date {
            let text = try string("t")
            guard let date = RFC3339.parse(text) else {
                throw lineError(line, "field \"t\" is not an RFC 3339 time: \"\(text)\" (expected e.g. 2026-03-01T18:00:00Z)")
            }
            return date
        }
    }
}
