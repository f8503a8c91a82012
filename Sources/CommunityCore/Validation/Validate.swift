public import Foundation

/// Input validation shared by every engine. Each check throws `invalidInput` naming the field.
///
/// Lengths are counted in grapheme clusters (what a person sees as characters), so "👩‍👩‍👧" is one.
public enum Validate {
    /// A required single-line text: trimmed, not empty, no control characters, at most `max` characters.
    /// - Returns: The trimmed text.
    @discardableResult
    public static func name(_ text: String, field: String, max: Int = 80) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw CommunityError.invalidInput("\(field) must not be empty or only whitespace", field: field)
        }
        try noControlCharacters(trimmed, field: field, allowNewlines: false)
        try length(trimmed, field: field, max: max)
        return trimmed
    }

    /// An optional multi-line text: newlines and tabs allowed, other control characters not.
    @discardableResult
    public static func text(_ text: String, field: String, max: Int) throws -> String {
        try noControlCharacters(text, field: field, allowNewlines: true)
        try length(text, field: field, max: max)
        return text
    }

    /// Throws if `text` is longer than `max` grapheme clusters.
    public static func length(_ text: String, field: String, max: Int) throws {
        // utf8.count is an upper bound of the cluster count: skip the count when it cannot exceed.
        guard text.utf8.count > max else { return }
        let count = text.count
        guard count <= max else {
            throw CommunityError.invalidInput("\(field) is \(count) characters long; the limit is \(max)", field: field)
        }
    }

    /// Throws if `text` holds a control character (newline and tab allowed when `allowNewlines`).
    public static func noControlCharacters(_ text: String, field: String, allowNewlines: Bool) throws {
        // Control characters (Cc) are exactly U+0000–U+001F and U+007F–U+009F, a set Unicode
        // never changes; U+202E (right-to-left override) is the one format character refused.
        for scalar in text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x202E {
            if allowNewlines && (scalar == "\n" || scalar == "\r" || scalar == "\t") { continue }
            let code = String(scalar.value, radix: 16, uppercase: true)
            throw CommunityError.invalidInput("\(field) contains the control character U+\(code); remove it", field: field)
        }
    }

    /// A member handle: 2–30 of `a-z`, `0-9`, `_`, `.`, `-`, starting with a letter or digit.
    /// Upper case is accepted and lowered. - Returns: The lowercase handle.
    public static func handle(_ text: String, field: String = "handle") throws -> String {
        let handle = text.lowercased()
        guard (2...30).contains(handle.count) else {
            throw CommunityError.invalidInput("a handle has 2 to 30 characters; '\(text)' has \(text.count)", field: field)
        }
        let allowed = handle.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-" }
        guard allowed, let first = handle.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            throw CommunityError.invalidInput("a handle uses only a-z, 0-9, '_', '.', '-' and starts with a letter or digit; got '\(text)'", field: field)
        }
        return handle
    }

    /// A slug: 1–64 of `a-z`, `0-9`, with single inner hyphens (`swift-paris`).
    public static func slug(_ text: String, field: String = "slug") throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid = (1...64).contains(text.count) && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
        guard valid else {
            throw CommunityError.invalidInput("a slug has 1 to 64 characters of a-z and 0-9 with single inner hyphens; got '\(text)'", field: field)
        }
        return text
    }

    /// A tag list: each tag 1–40 of `a-z`, `0-9`, `-`, `_`, `.` (lowered), at most `max` tags, duplicates removed.
    public static func tags(_ tags: [String], field: String, max: Int = 20) throws -> [String] {
        guard tags.count <= max else {
            throw CommunityError.invalidInput("at most \(max) \(field); got \(tags.count)", field: field)
        }
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            let lowered = tag.lowercased()
            let valid = (1...40).contains(lowered.count) && lowered.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
            guard valid else {
                throw CommunityError.invalidInput("each of \(field) has 1 to 40 characters of a-z, 0-9, '-', '_', '.'; got '\(tag)'", field: field)
            }
            if seen.insert(lowered).inserted { result.append(lowered) }
        }
        return result
    }

    /// An absolute `http` or `https` URL with a host, at most 2,048 characters.
    public static func webURL(_ url: URL, field: String) throws {
        let text = url.absoluteString
        guard text.count <= 2048, let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty, !text.contains(" ")
        else {
            throw CommunityError.invalidInput("\(field) must be an absolute http(s) URL with a host; got '\(text.prefix(100))'", field: field)
        }
    }

    /// A colour as `#RRGGBB`.
    public static func hexColor(_ text: String, field: String) throws {
        let digits = text.dropFirst()
        guard text.hasPrefix("#"), digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
            throw CommunityError.invalidInput("\(field) must be a colour like #1A2B3C; got '\(text)'", field: field)
        }
    }

    /// A host name such as `community.example.com`: dot-separated labels of letters, digits and inner hyphens.
    public static func hostName(_ text: String, field: String) throws {
        let labels = text.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        let valid = text.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard valid else {
            throw CommunityError.invalidInput("\(field) must be a host name like community.example.com; got '\(text)'", field: field)
        }
    }

    /// A page size: 1…`max`.
    public static func limit(_ limit: Int, max: Int = 200) throws {
        guard (1...max).contains(limit) else {
            throw CommunityError.invalidInput("limit must be between 1 and \(max); got \(limit)", field: "limit")
        }
    }

    /// A valid IANA time zone identifier. - Returns: The zone.
    public static func timeZone(_ identifier: String, field: String = "timeZone") throws -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            throw CommunityError.invalidInput("'\(identifier)' is not an IANA time zone (e.g. Europe/Paris)", field: field)
        }
        return zone
    }
}
