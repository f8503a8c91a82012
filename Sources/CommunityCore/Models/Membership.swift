public import Foundation

/// A member's place in a space, with an optional role override for that space.
public struct Membership: Hashable, Sendable, Codable {
    /// The community of the space and the member.
    public var communityID: CommunityID
    /// The space.
    public var spaceID: SpaceID
    /// The member.
    public var memberID: MemberID
    /// A role that replaces the member's community role in this space (a space moderator, a
    /// read-only guest). Never lowers an owner or admin.
    public var roleOverride: Role?
    /// When the member entered the space.
    public var joinedAt: Date

    /// Creates a membership record.
    public init(communityID: CommunityID, spaceID: SpaceID, memberID: MemberID, roleOverride: Role? = nil, joinedAt: Date) {
        self.communityID = communityID
        self.spaceID = spaceID
        self.memberID = memberID
        self.roleOverride = roleOverride
        self.joinedAt = joinedAt
    }
}
