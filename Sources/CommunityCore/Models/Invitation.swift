public import Foundation

/// An invitation to join a community (and, optionally, a space of it), redeemed by its token.
public struct Invitation: Hashable, Sendable, Codable, Identifiable {
    /// The invitation's identifier.
    public var id: InvitationID
    /// The community the invitation is for.
    public var communityID: CommunityID
    /// A space the invitee also enters when redeeming it.
    public var spaceID: SpaceID?
    /// The secret the invitee presents (URL-safe, 43 characters).
    public var token: String
    /// The role the invitee gets in the community.
    public var role: Role
    /// Who invited.
    public var invitedBy: Principal
    /// When it was created.
    public var createdAt: Date
    /// After this instant the token is refused with `expired`.
    public var expiresAt: Date
    /// The member who redeemed it; a redeemed invitation cannot be used again.
    public var redeemedBy: MemberID?

    /// Creates an invitation record. Use `MemberService.invite` to create one.
    public init(
        id: InvitationID, communityID: CommunityID, spaceID: SpaceID? = nil, token: String, role: Role,
        invitedBy: Principal, createdAt: Date, expiresAt: Date, redeemedBy: MemberID? = nil
    ) {
        self.id = id
        self.communityID = communityID
        self.spaceID = spaceID
        self.token = token
        self.role = role
        self.invitedBy = invitedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.redeemedBy = redeemedBy
    }
}
