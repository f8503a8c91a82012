public import Foundation

/// Whether a member may act. Suspended and banned members read nothing private and write nothing.
public enum MemberStatus: Hashable, Sendable, Codable {
    /// In good standing.
    case active
    /// Suspended until `until` for `reason`; active again afterwards without any write.
    case suspended(until: Date, reason: String)
    /// Banned for `reason` until an admin unbans them.
    case banned(reason: String)

    /// The status as it applies at `now`: an expired suspension is ``active``.
    public func effective(at now: Date) -> MemberStatus {
        if case .suspended(let until, _) = self, until <= now { return .active }
        return self
    }

    /// The status's kind, without its details.
    public var kind: Kind {
        switch self {
        case .active: .active
        case .suspended: .suspended
        case .banned: .banned
        }
    }

    /// The kinds of status, for matrices and filters.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// In good standing.
        case active
        /// Temporarily barred from writing and from private content.
        case suspended
        /// Barred from writing and from private content until unbanned.
        case banned
    }
}
