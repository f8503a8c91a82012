import Foundation

/// Accumulates content lines, folded at 75 octets and ended by CRLF.
struct ICalendarLineWriter {
    private(set) var text = ""

    /// Appends `NAME;PARAM=value…:value`; the value must already be escaped for its type.
    mutating func property(_ name: String, _ parameters: [(String, String)] = [], _ value: String) {
        var line = name
        for (parameter, parameterValue) in parameters {
            line += ";\(parameter)=\(ICalendarText.parameterValue(parameterValue))"
        }
        line += ":" + value
        text += ICalendarText.fold(line)
        text += "\r\n"
    }

    /// Appends a TEXT property, escaped.
    mutating func text(_ name: String, _ value: String) {
        property(name, [], ICalendarText.escape(value))
    }

    /// Appends `BEGIN:NAME`.
    mutating func begin(_ component: String) { property("BEGIN", [], component) }

    /// Appends `END:NAME`.
    mutating func end(_ component: String) { property("END", [], component) }

    /// A UTC instant in iCalendar basic form, `YYYYMMDDTHHMMSSZ`.
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(localSeconds: seconds).basicString + "Z"
    }

    /// A UTC offset as `±HHMM`, or `±HHMMSS` when it has seconds (§3.3.14).
    static func offset(_ seconds: Int) -> String {
        var out: [UInt8] = [seconds < 0 ? 45 : 43]
        let magnitude = abs(seconds)
        LocalDateTime.appendDigits(magnitude / 3600, 2, &out)
        LocalDateTime.appendDigits(magnitude / 60 % 60, 2, &out)
        if magnitude % 60 != 0 { LocalDateTime.appendDigits(magnitude % 60, 2, &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
