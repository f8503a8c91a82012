/// The outcome of one ``RecurrenceCase``, in the output format of the RFC 5545 case runner:
/// `{"id": …, "occurrences": [...]}` or `{"id": …, "error": "…"}`.
public struct RecurrenceCaseResult: Codable, Hashable, Sendable {
    /// The case's id, echoed back.
    public var id: String
    /// The occurrences, formatted like ``Occurrence/description``; `nil` on error.
    public var occurrences: [String]?
    /// Why the case was rejected; `nil` on success.
    public var error: String?

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - id: The case id.
    ///   - occurrences: The formatted occurrences, on success.
    ///   - error: The error message, on failure.
    public init(id: String, occurrences: [String]? = nil, error: String? = nil) {
        self.id = id
        self.occurrences = occurrences
        self.error = error
    }
}
