/// The one error type every CommunityKit entry point throws.
///
/// A `CommunityError` carries a stable ``Code`` to branch on, a message written for the
/// developer who has to fix the call, and — where one input is at fault — the name of the
/// offending field. Bad input never changes anything: an entry point validates before it writes.
///
/// ```swift
/// do {
///     try await members.join(community, handle: "ada", displayName: "Ada")
/// } catch let error as CommunityError where error.code == .conflict {
///     print(error.message)   // "handle 'ada' is already taken in this community"
/// }
/// // or, by code alone:
/// catch CommunityError.Code.conflict { … }
/// ```
public struct CommunityError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. Stable across releases: safe to persist and branch on.
    public let code: Code
    /// A sentence a developer can act on: what was wrong and how to fix it.
    public let message: String
    /// The name of the offending input field (`"handle"`, `"rrule.BYMONTH"`, …), if one is at fault.
    public let field: String?
    /// For ``Code/rateLimited``: how long to wait before trying again.
    public let retryAfter: Duration?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - message: What went wrong and how to fix it.
    ///   - field: The offending input field, if any.
    ///   - retryAfter: For rate limiting, the wait before a retry can succeed.
    public init(_ code: Code, _ message: String, field: String? = nil, retryAfter: Duration? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    /// `code: message (field)`, for logs.
    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let field { text += " [field: \(field)]" }
        if let retryAfter { text += " [retry after: \(retryAfter)]" }
        return text
    }
}

extension CommunityError {
    /// An input failed validation.
    public static func invalidInput(_ message: String, field: String? = nil) -> CommunityError {
        CommunityError(.invalidInput, message, field: field)
    }

    /// A record the call names does not exist (or is not visible to the actor).
    public static func notFound(_ message: String, field: String? = nil) -> CommunityError {
        CommunityError(.notFound, message, field: field)
    }

    /// The actor may not perform this action.
    public static func forbidden(_ message: String) -> CommunityError {
        CommunityError(.forbidden, message)
    }

    /// The call collides with existing state (a taken handle, a duplicate slug, a stale state).
    public static func conflict(_ message: String, field: String? = nil) -> CommunityError {
        CommunityError(.conflict, message, field: field)
    }
}
