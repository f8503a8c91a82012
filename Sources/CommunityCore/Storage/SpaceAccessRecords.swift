/// What an access check in a space reads, in one go
/// (``StoreReadTransaction/accessRecords(of:space:in:)``).
public struct SpaceAccessRecords: Hashable, Sendable {
    /// The member, if it belongs to the community.
    public var member: Member?
    /// The space, if it belongs to the community.
    public var space: Space?
    /// The member's membership of the space, when both exist and it does.
    public var membership: Membership?

    /// Creates the records.
    public init(member: Member?, space: Space?, membership: Membership?) {
        self.member = member
        self.space = space
        self.membership = membership
    }
}
