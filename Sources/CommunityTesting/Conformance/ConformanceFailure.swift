/// A failed expectation of the storage conformance suite. It is a plain error, so the suite
/// works under Swift Testing and XCTest alike.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// The case that failed.
    public var testCase: StoreConformance.Case
    /// What was expected and what happened.
    public var message: String
    /// Where in the suite the expectation is.
    public var file: String
    /// The line of the expectation.
    public var line: Int

    /// `case: message (file:line)`.
    public var description: String { "\(testCase.rawValue): \(message) (\(file):\(line))" }
}
