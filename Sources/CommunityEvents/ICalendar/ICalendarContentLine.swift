import CommunityCore

/// One unfolded content line, split into name, parameters and value (§3.1).
struct ICalendarContentLine {
    /// The line number where the line starts.
    var line: Int
    /// The property name, upper-cased.
    var name: String
    /// Parameter names (upper-cased) and their values, unquoted.
    var parameters: [String: [String]]
    /// The raw value (still escaped).
    var value: String

    /// The first value of a parameter.
    func parameter(_ name: String) -> String? { parameters[name]?.first }

    /// `invalidInput` naming this line.
    func error(_ message: String) -> CommunityError {
        Self.error(line, message)
    }

    static func error(_ line: Int, _ message: String) -> CommunityError {
        CommunityError.invalidInput("line \(line): \(message)", field: "line \(line)")
    }

    /// Parses `NAME *(";" param) ":" value`, with quoted parameter values.
    init(parsing text: String, line: Int) throws {
        let bytes = Array(text.utf8)
        var index = 0
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45
        }
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[0..<index], as: UTF8.self).uppercased()
        let shown = RecurrenceRule.clip(text)
        guard !name.isEmpty else {
            throw Self.error(line, "'\(shown)' does not start with a property name")
        }
        guard index < bytes.count, bytes[index] == 58 || bytes[index] == 59 else {
            throw Self.error(line, "the property \(RecurrenceRule.clip(name)) has no ':' before its value ('\(shown)')")
        }
        var parameters: [String: [String]] = [:]
        while index < bytes.count, bytes[index] == 59 {
            index += 1
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            let parameter = String(decoding: bytes[nameStart..<index], as: UTF8.self).uppercased()
            guard !parameter.isEmpty, index < bytes.count, bytes[index] == 61 else {
                throw Self.error(line, "a parameter of \(name) is not NAME=value ('\(shown)')")
            }
            index += 1
            var values: [String] = []
            while true {
                if index < bytes.count, bytes[index] == 34 {
                    guard let close = bytes[(index + 1)...].firstIndex(of: 34) else {
                        throw Self.error(line, "the quoted value of parameter \(parameter) has no closing '\"'")
                    }
                    values.append(String(decoding: bytes[(index + 1)..<close], as: UTF8.self))
                    index = close + 1
                } else {
                    let start = index
                    while index < bytes.count, bytes[index] != 44, bytes[index] != 58, bytes[index] != 59 { index += 1 }
                    values.append(String(decoding: bytes[start..<index], as: UTF8.self))
                }
                guard index < bytes.count, bytes[index] == 44 else { break }
                index += 1
            }
            parameters[parameter, default: []] += values
        }
        guard index < bytes.count, bytes[index] == 58 else {
            throw Self.error(line, "the property \(name) has no ':' before its value ('\(shown)')")
        }
        self.line = line
        self.name = name
        self.parameters = parameters
        self.value = String(decoding: bytes[(index + 1)...], as: UTF8.self)
    }
}
