/// The `window` of a ``RecurrenceCase``: keep occurrences between two wall-clock times.
public struct RecurrenceCaseWindow: Codable, Hashable, Sendable {
    /// The lower bound, a local time in the case's zone (`YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`).
    public var from: String
    /// The upper bound, same form.
    public var to: String
    /// `true` for `[from, to]`, `false` (the default) for `(from, to)`.
    public var inclusive: Bool?

    /// Creates a window.
    ///
    /// - Parameters:
    ///   - from: The lower bound.
    ///   - to: The upper bound.
    ///   - inclusive: Whether the bounds are included.
    public init(from: String, to: String, inclusive: Bool? = nil) {
        self.from = from
        self.to = to
        self.inclusive = inclusive
    }
}
