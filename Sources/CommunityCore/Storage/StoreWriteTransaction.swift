/// The writes a transaction offers, on top of its reads.
///
/// Writes check only storage invariants (existence, uniqueness) and throw ``CommunityError``
/// with code `conflict` or `notFound`; every domain rule lives in the engines.
public protocol StoreWriteTransaction: StoreReadTransaction {
    /// Stores a new community. Throws `conflict` if its id or slug is taken.
    func insert(_ community: Community) async throws
    /// Replaces a community. Throws `notFound` if absent, `conflict` if the new slug is taken.
    func update(_ community: Community) async throws

    /// Stores a new member. Throws `conflict` if the handle is taken in the community,
    /// `notFound` if the community does not exist.
    func insert(_ member: Member) async throws
    /// Replaces a member. Throws `notFound` if absent, `conflict` if the new handle is taken.
    func update(_ member: Member) async throws
    /// Removes a member with their memberships and join requests. Throws `notFound` if absent.
    func deleteMember(_ id: MemberID, in community: CommunityID) async throws

    /// Stores a new space. Throws `conflict` if its slug is taken in the community.
    func insert(_ space: Space) async throws
    /// Replaces a space. Throws `notFound` if absent, `conflict` if the new slug is taken.
    func update(_ space: Space) async throws

    /// Stores or replaces the membership of a member in a space.
    /// Throws `notFound` if the member or the space is not in the membership's community.
    func upsert(_ membership: Membership) async throws
    /// Removes a membership. Throws `notFound` if absent.
    func deleteMembership(of member: MemberID, in space: SpaceID) async throws

    /// Stores a new invitation. Throws `conflict` if its token is taken.
    func insert(_ invitation: Invitation) async throws
    /// Replaces an invitation. Throws `notFound` if absent.
    func update(_ invitation: Invitation) async throws

    /// Stores a new join request. A member has at most one pending request per space: a second
    /// one throws `conflict`.
    func insert(_ request: JoinRequest) async throws
    /// Replaces a join request. Throws `notFound` if absent, `conflict` if it would make a second
    /// pending request of the member for the space.
    func update(_ request: JoinRequest) async throws

    /// Appends an activity to the log and returns it with its assigned ``Activity/sequence``.
    func append(_ activity: Activity) async throws -> Activity
}
