/// A day of the week, as RFC 5545 names them (`MO` … `SU`).
///
/// ```swift
/// Weekday(code: "TU")   // .tuesday
/// Weekday.friday.code   // "FR"
/// ```
public enum Weekday: Int, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Monday, `MO`.
    case monday = 0
    /// Tuesday, `TU`.
    case tuesday
    /// Wednesday, `WE`.
    case wednesday
    /// Thursday, `TH`.
    case thursday
    /// Friday, `FR`.
    case friday
    /// Saturday, `SA`.
    case saturday
    /// Sunday, `SU`.
    case sunday

    /// The two-letter RFC 5545 code, e.g. `"MO"`.
    public var code: String {
        switch self {
        case .monday: "MO"
        case .tuesday: "TU"
        case .wednesday: "WE"
        case .thursday: "TH"
        case .friday: "FR"
        case .saturday: "SA"
        case .sunday: "SU"
        }
    }

    /// Creates a weekday from its two-letter RFC 5545 code (case-insensitive).
    ///
    /// - Parameter code: `MO`, `TU`, `WE`, `TH`, `FR`, `SA` or `SU`.
    /// - Returns: `nil` when the code is none of these.
    public init?(code: some StringProtocol) {
        switch code.uppercased() {
        case "MO": self = .monday
        case "TU": self = .tuesday
        case "WE": self = .wednesday
        case "TH": self = .thursday
        case "FR": self = .friday
        case "SA": self = .saturday
        case "SU": self = .sunday
        default: return nil
        }
    }

    /// The two-letter code.
    public var description: String { code }

    /// The weekday for an index 0 (Monday) … 6 (Sunday), wrapping.
    static func fromIndex(_ index: Int) -> Weekday {
        Weekday(rawValue: CivilCalendar.floorMod(index, 7)) ?? .monday
    }
}
