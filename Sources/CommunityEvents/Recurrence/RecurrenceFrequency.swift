/// The `FREQ` of a recurrence rule: the period that repeats, every `INTERVAL` periods.
///
/// Cases are ordered from the finest (``secondly``) to the coarsest (``yearly``).
public enum RecurrenceFrequency: Int, CaseIterable, Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// `SECONDLY`.
    case secondly = 0
    /// `MINUTELY`.
    case minutely
    /// `HOURLY`.
    case hourly
    /// `DAILY`.
    case daily
    /// `WEEKLY`.
    case weekly
    /// `MONTHLY`.
    case monthly
    /// `YEARLY`.
    case yearly

    /// The RFC 5545 name, e.g. `"WEEKLY"`.
    public var name: String {
        switch self {
        case .secondly: "SECONDLY"
        case .minutely: "MINUTELY"
        case .hourly: "HOURLY"
        case .daily: "DAILY"
        case .weekly: "WEEKLY"
        case .monthly: "MONTHLY"
        case .yearly: "YEARLY"
        }
    }

    /// Creates a frequency from its RFC 5545 name (case-insensitive).
    ///
    /// - Parameter name: `SECONDLY` … `YEARLY`.
    /// - Returns: `nil` for any other name.
    public init?(name: some StringProtocol) {
        guard let match = Self.allCases.first(where: { $0.name == name.uppercased() }) else { return nil }
        self = match
    }

    /// The RFC 5545 name.
    public var description: String { name }

    /// Orders from the finest to the coarsest period.
    public static func < (lhs: RecurrenceFrequency, rhs: RecurrenceFrequency) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
