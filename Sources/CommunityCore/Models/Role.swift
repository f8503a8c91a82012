/// A member's role, in the community or (as an override) in one space.
///
/// Roles are ordered by rank: `guest < member < moderator < admin < owner`. Owners, admins and
/// moderators are *staff* (the analytics separate staff from peer activity).
public enum Role: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    /// Reads public spaces; cannot write.
    case guest
    /// A regular member: reads what they may see, posts, reacts, RSVPs.
    case member
    /// Moderates content and suspends members.
    case moderator
    /// Manages spaces, roles and bans.
    case admin
    /// Owns the community; there is always at least one.
    case owner

    /// The rank used for comparisons: guest 0 … owner 4.
    public var rank: Int {
        switch self {
        case .guest: 0
        case .member: 1
        case .moderator: 2
        case .admin: 3
        case .owner: 4
        }
    }

    /// Owners, admins and moderators.
    public var isStaff: Bool { self >= .moderator }

    /// Orders roles by rank.
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
