/// Who performs a call: a member of the community, or the host system itself.
///
/// Authentication belongs to the host; every SDK call that acts names its principal and the
/// SDK authorizes it. The system principal (imports, schedulers, the host's own automation)
/// passes every permission check, so hand it only to trusted code.
///
/// ```swift
/// try await members.suspend(bob, for: .days(7), reason: "spam", by: .member(moderator))
/// try await members.ban(spammer, reason: "bot", by: .system("anti-spam"))
/// ```
public enum Principal: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A member acting in their own community.
    case member(MemberID)
    /// The host application; the name says which part of it (`"importer"`, `"scheduler"`).
    case system(String)

    /// The member, if the principal is one.
    public var memberID: MemberID? {
        if case .member(let id) = self { return id }
        return nil
    }

    /// `member:<id>` or `system:<name>`.
    public var description: String {
        switch self {
        case .member(let id): "member:\(id)"
        case .system(let name): "system:\(name)"
        }
    }
}
