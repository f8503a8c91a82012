public import Foundation

/// A member's request to enter a private space, decided by the space's moderators.
public struct JoinRequest: Hashable, Sendable, Codable, Identifiable {
    /// The request's identifier.
    public var id: JoinRequestID
    /// The community.
    public var communityID: CommunityID
    /// The private space asked for.
    public var spaceID: SpaceID
    /// Who asks.
    public var memberID: MemberID
    /// A note to the moderators, up to 500 characters.
    public var message: String
    /// Pending, approved or rejected.
    public var state: State
    /// When it was made.
    public var createdAt: Date
    /// Who decided, when decided.
    public var decidedBy: Principal?
    /// When decided.
    public var decidedAt: Date?

    /// Creates a join request record. Use `MemberService.requestToJoin` to create one.
    public init(
        id: JoinRequestID, communityID: CommunityID, spaceID: SpaceID, memberID: MemberID, message: String = "",
        state: State = .pending, createdAt: Date, decidedBy: Principal? = nil, decidedAt: Date? = nil
    ) {
        self.id = id
        self.communityID = communityID
        self.spaceID = spaceID
        self.memberID = memberID
        self.message = message
        self.state = state
        self.createdAt = createdAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// Where a join request stands.
    public enum State: String, CaseIterable, Hashable, Sendable, Codable {
        /// Waiting for a moderator.
        case pending
        /// Accepted: the member is in the space.
        case approved
        /// Refused.
        case rejected
    }
}
