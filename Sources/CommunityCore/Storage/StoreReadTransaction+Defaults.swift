extension StoreReadTransaction {
    /// ``member(_:in:)``, ``space(_:in:)``, then ``membership(of:in:)`` when both exist.
    public func accessRecords(of member: MemberID, space: SpaceID, in community: CommunityID) async throws -> SpaceAccessRecords {
        let found = try await self.member(member, in: community)
        let place = try await self.space(space, in: community)
        guard found != nil, place != nil else { return SpaceAccessRecords(member: found, space: place, membership: nil) }
        return SpaceAccessRecords(member: found, space: place, membership: try await membership(of: member, in: space))
    }
}
