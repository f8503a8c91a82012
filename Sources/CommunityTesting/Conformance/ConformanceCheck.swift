import CommunityCore

/// The expectations of one conformance case, shared by every suite: each failure becomes the
/// suite's own public failure error, so the suites work under any test framework.
struct ConformanceCheck: Sendable {
    /// Makes the suite's failure for a message at a source location.
    let failure: @Sendable (_ message: String, _ file: String, _ line: Int) -> any Error

    func that(_ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line) throws {
        guard condition else { throw failure(message(), file, line) }
    }

    func equal<T: Equatable>(_ actual: T, _ expected: T, _ what: String, file: String = #fileID, line: Int = #line) throws {
        try that(actual == expected, "\(what): expected \(expected), got \(actual)", file: file, line: line)
    }

    /// Expects `body` to fail with `code` (and `field`, when given).
    func throwsCode<T>(_ code: CommunityError.Code, field: String? = nil, _ what: String, file: String = #fileID, line: Int = #line,
                       _ body: () async throws -> T) async throws {
        do {
            _ = try await body()
        } catch let error as CommunityError {
            try that(error.code == code, "\(what): expected \(code), got \(error)", file: file, line: line)
            if let field { try that(error.field == field, "\(what): expected field \(field), got \(error)", file: file, line: line) }
            return
        } catch {
            throw failure("\(what): expected CommunityError \(code), got \(error)", file, line)
        }
        throw failure("\(what): expected \(code), but it succeeded", file, line)
    }
}
