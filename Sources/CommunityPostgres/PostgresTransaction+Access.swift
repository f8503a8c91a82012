#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// Access checks in one round trip.
extension PostgresTransaction {
    /// The member, the space and the membership in one statement (three primary-key lookups
    /// joined to a one-row relation), instead of the contract's default three reads. The
    /// membership is read only when both the member and the space belong to `community`.
    func accessRecords(of member: MemberID, space: SpaceID, in community: CommunityID) async throws -> SpaceAccessRecords {
        let rows = try await rows("""
            SELECT m.body, s.body, ms.body FROM (SELECT 1) AS one
            LEFT JOIN members m ON m.id = \(member.uuid) AND m.community_id = \(community.uuid)
            LEFT JOIN spaces s ON s.id = \(space.uuid) AND s.community_id = \(community.uuid)
            LEFT JOIN memberships ms ON m.id IS NOT NULL AND s.id IS NOT NULL AND ms.space_id = \(space.uuid) AND ms.member_id = \(member.uuid)
            """)
        guard let row = rows.first else { return SpaceAccessRecords(member: nil, space: nil, membership: nil) }
        let (memberBody, spaceBody, membershipBody) = try Self.columns((Data?, Data?, Data?).self, row, table: "members, spaces, memberships")
        return SpaceAccessRecords(
            member: try memberBody.map { try PostgresRecordCoding.decode(Member.self, $0, table: "members") },
            space: try spaceBody.map { try PostgresRecordCoding.decode(Space.self, $0, table: "spaces") },
            membership: try membershipBody.map { try PostgresRecordCoding.decode(Membership.self, $0, table: "memberships") })
    }
}
#endif
