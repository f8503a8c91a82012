import CommunityCore
import Foundation

extension StoreConformance {
    func accessRecords(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("acc"), other = records.community("acc-other")
        let ada = records.member("ada", in: community.id), bob = records.member("bob", in: community.id)
        let outsider = records.member("zed", in: other.id)
        let a = records.space("a", in: community.id), b = records.space("b", in: community.id, visibility: .private)
        let elsewhere = records.space("e", in: other.id)
        let membership = Membership(communityID: community.id, spaceID: b.id, memberID: ada.id, roleOverride: .moderator, joinedAt: records.now)
        try await store.write { tx in
            for c in [community, other] { try await tx.insert(c) }
            for m in [ada, bob, outsider] { try await tx.insert(m) }
            for s in [a, b, elsewhere] { try await tx.insert(s) }
            try await tx.upsert(membership)
            try await tx.upsert(Membership(communityID: other.id, spaceID: elsewhere.id, memberID: outsider.id, joinedAt: records.now))
        }
        try await store.read { tx in
            try check.equal(try await tx.accessRecords(of: ada.id, space: b.id, in: community.id),
                            SpaceAccessRecords(member: ada, space: b, membership: membership), "member, space and membership")
            try check.equal(try await tx.accessRecords(of: bob.id, space: b.id, in: community.id),
                            SpaceAccessRecords(member: bob, space: b, membership: nil), "no membership")
            try check.equal(try await tx.accessRecords(of: ada.id, space: a.id, in: community.id),
                            SpaceAccessRecords(member: ada, space: a, membership: nil), "a membership of another space is not this one's")
            try check.equal(try await tx.accessRecords(of: outsider.id, space: a.id, in: community.id),
                            SpaceAccessRecords(member: nil, space: a, membership: nil), "a member of another community is absent")
            try check.equal(try await tx.accessRecords(of: ada.id, space: elsewhere.id, in: community.id),
                            SpaceAccessRecords(member: ada, space: nil, membership: nil), "a space of another community is absent")
            try check.equal(try await tx.accessRecords(of: outsider.id, space: elsewhere.id, in: community.id),
                            SpaceAccessRecords(member: nil, space: nil, membership: nil), "another community's member and space")
            try check.equal(try await tx.accessRecords(of: MemberID(high: 9, low: 9), space: SpaceID(high: 9, low: 9), in: community.id),
                            SpaceAccessRecords(member: nil, space: nil, membership: nil), "unknown ids")
        }
    }
}
