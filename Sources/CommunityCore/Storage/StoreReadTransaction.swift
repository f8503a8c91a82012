/// The reads a transaction offers. Every query is scoped to one community.
///
/// Paged queries return up to `limit` records in ascending identifier order strictly after the
/// `after` cursor (`nil` for the first page).
public protocol StoreReadTransaction {
    /// The community with this identifier.
    func community(_ id: CommunityID) async throws -> Community?
    /// The community with this slug (slugs are unique across the store).
    func community(slug: String) async throws -> Community?

    /// The member with this identifier, if it belongs to `community`.
    func member(_ id: MemberID, in community: CommunityID) async throws -> Member?
    /// The member with this handle (lowercase) in `community`.
    func member(handle: String, in community: CommunityID) async throws -> Member?
    /// A page of the community's members in identifier (join) order.
    func members(in community: CommunityID, after: MemberID?, limit: Int) async throws -> [Member]
    /// A page of the members matching a directory query, in identifier order.
    func members(in community: CommunityID, matching query: DirectoryQuery, after: MemberID?, limit: Int) async throws -> [Member]
    /// How many members the community has, optionally only those of one community role.
    func memberCount(in community: CommunityID, role: Role?) async throws -> Int

    /// The space with this identifier, if it belongs to `community`.
    func space(_ id: SpaceID, in community: CommunityID) async throws -> Space?
    /// The space with this slug in `community`.
    func space(slug: String, in community: CommunityID) async throws -> Space?
    /// A page of the community's spaces in identifier order (all visibilities: engines filter).
    func spaces(in community: CommunityID, after: SpaceID?, limit: Int) async throws -> [Space]

    /// The member's membership of the space, if any.
    func membership(of member: MemberID, in space: SpaceID) async throws -> Membership?
    /// A page of the space's memberships in member-identifier order.
    func memberships(in space: SpaceID, after: MemberID?, limit: Int) async throws -> [Membership]
    /// A page of the member's memberships in space-identifier order.
    func memberships(of member: MemberID, after: SpaceID?, limit: Int) async throws -> [Membership]
    /// The member and the space (each only if it belongs to `community`) and, when both exist,
    /// the member's membership of the space: what every access check in a space reads. A
    /// default implementation asks ``member(_:in:)``, ``space(_:in:)`` and
    /// ``membership(of:in:)``; backends answer it in one query.
    func accessRecords(of member: MemberID, space: SpaceID, in community: CommunityID) async throws -> SpaceAccessRecords

    /// The invitation with this token.
    func invitation(token: String) async throws -> Invitation?
    /// The invitation with this identifier, if it belongs to `community`.
    func invitation(_ id: InvitationID, in community: CommunityID) async throws -> Invitation?

    /// The join request with this identifier, if it belongs to `community`.
    func joinRequest(_ id: JoinRequestID, in community: CommunityID) async throws -> JoinRequest?
    /// The member's pending request for the space, if any.
    func pendingJoinRequest(of member: MemberID, in space: SpaceID) async throws -> JoinRequest?
    /// A page of the space's join requests in a given state, oldest first.
    func joinRequests(in space: SpaceID, state: JoinRequest.State, after: JoinRequestID?, limit: Int) async throws -> [JoinRequest]

    /// Up to `limit` activities of the community with a sequence greater than `sequence`, in order.
    func activities(in community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity]
    /// Up to `limit` activities of one space with a sequence greater than `sequence`, in order.
    func activities(inSpace space: SpaceID, of community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity]
    /// The greatest sequence in the whole log (0 when empty).
    func lastActivitySequence() async throws -> Int64
}
