/// What an activity records. Feature modules add their verbs in extensions.
///
/// Verbs are dotted, lowercase and stable (`member.joined`): they are stored and exported.
public struct ActivityVerb: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The verb's stable string form.
    public let rawValue: String

    /// Creates a verb from its string form.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The string form.
    public var description: String { rawValue }

    /// Decodes the string form.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A community was created.
    public static let communityCreated = ActivityVerb(rawValue: "community.created")
    /// A community's name, description, branding or settings changed.
    public static let communityUpdated = ActivityVerb(rawValue: "community.updated")
    /// A member joined the community.
    public static let memberJoined = ActivityVerb(rawValue: "member.joined")
    /// A member left the community.
    public static let memberLeft = ActivityVerb(rawValue: "member.left")
    /// A member edited their profile.
    public static let memberProfileUpdated = ActivityVerb(rawValue: "member.profile_updated")
    /// A member's community or space role changed.
    public static let memberRoleChanged = ActivityVerb(rawValue: "member.role_changed")
    /// A member was suspended.
    public static let memberSuspended = ActivityVerb(rawValue: "member.suspended")
    /// A member was banned.
    public static let memberBanned = ActivityVerb(rawValue: "member.banned")
    /// A member's ban or suspension was lifted.
    public static let memberReinstated = ActivityVerb(rawValue: "member.reinstated")
    /// An invitation was created.
    public static let invitationCreated = ActivityVerb(rawValue: "invitation.created")
    /// An invitation was redeemed.
    public static let invitationRedeemed = ActivityVerb(rawValue: "invitation.redeemed")
    /// A space was created.
    public static let spaceCreated = ActivityVerb(rawValue: "space.created")
    /// A space's name, description, kind, visibility or tags changed.
    public static let spaceUpdated = ActivityVerb(rawValue: "space.updated")
    /// A member entered a space.
    public static let spaceJoined = ActivityVerb(rawValue: "space.joined")
    /// A member left (or was removed from) a space.
    public static let spaceLeft = ActivityVerb(rawValue: "space.left")
    /// A member asked to enter a private space.
    public static let joinRequested = ActivityVerb(rawValue: "join_request.created")
    /// A join request was approved.
    public static let joinApproved = ActivityVerb(rawValue: "join_request.approved")
    /// A join request was rejected.
    public static let joinRejected = ActivityVerb(rawValue: "join_request.rejected")
}
