extension CommunityError {
    /// A stable error code. Compare with `==`, `switch` over the static constants, or `catch` by code:
    ///
    /// ```swift
    /// catch CommunityError.Code.notFound { … }
    /// ```
    ///
    /// New codes may be added in minor releases, so a `switch` needs a `default` branch.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable string form, e.g. `"notFound"`.
        public let rawValue: String

        /// Creates a code from its string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// An input is malformed, out of range or missing.
        public static let invalidInput = Code(rawValue: "invalidInput")
        /// A named record does not exist, or the actor may not know it exists.
        public static let notFound = Code(rawValue: "notFound")
        /// The actor is known but not allowed to do this.
        public static let forbidden = Code(rawValue: "forbidden")
        /// The call collides with existing state (duplicate handle, slug, stale version).
        public static let conflict = Code(rawValue: "conflict")
        /// No seat is left (events) or a limit of the community is reached.
        public static let capacityReached = Code(rawValue: "capacityReached")
        /// Too many actions in a short time; see ``CommunityError/retryAfter``.
        public static let rateLimited = Code(rawValue: "rateLimited")
        /// A token (invitation, session) is expired or no longer valid.
        public static let expired = Code(rawValue: "expired")
        /// The backend failed (I/O, corruption, lost connection). The write did not happen.
        public static let storage = Code(rawValue: "storage")
        /// The database was written by a newer version of CommunityKit.
        public static let incompatibleSchema = Code(rawValue: "incompatibleSchema")

        /// The string form.
        public var description: String { rawValue }

        /// Lets `catch CommunityError.Code.notFound` match a thrown ``CommunityError``.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? CommunityError)?.code == code
        }
    }
}
