public import CommunityCore

/// A ready-made community for tests and demos: an owner, members, and spaces, in one line.
///
/// ```swift
/// let fixture = try await CommunityFixture.make(members: 5, spaces: 2)
/// let alice = fixture.members[0]
/// ```
///
/// Members are `member-1` … `member-N` (role `.member`), the owner is `owner`; spaces are
/// `space-1` … `space-N`, public discussion spaces unless `visibilities` says otherwise (cycled).
/// Time comes from a ``ManualClock`` and ids from ``CommunityCore/IDGenerator/incrementing``,
/// so a fixture is the same on every run.
public struct CommunityFixture: Sendable {
    /// The environment the fixture was built in; build services from it.
    public let environment: CommunityEnvironment
    /// The clock of the environment.
    public let clock: ManualClock
    /// The community.
    public let community: Community
    /// Its owner.
    public let owner: Member
    /// Its members other than the owner, in creation order.
    public let members: [Member]
    /// Its spaces, in creation order.
    public let spaces: [Space]

    /// Builds a community.
    /// - Parameters:
    ///   - slug: The community's slug.
    ///   - members: How many members besides the owner.
    ///   - spaces: How many spaces.
    ///   - visibilities: Visibilities assigned to spaces in turn.
    ///   - store: The backend; a new in-memory store by default.
    ///   - clock: The clock; a new ``ManualClock`` by default.
    ///   - ids: The id generator. Fixtures that share a store must share a generator too (or use
    ///     `.uuidV7`), since two `.incrementing` generators repeat each other's ids.
    public static func make(
        slug: String = "fixture", members: Int = 3, spaces: Int = 1, visibilities: [Space.Visibility] = [.public],
        store: any CommunityStore = InMemoryCommunityStore(), clock: ManualClock = ManualClock(), ids: IDGenerator = .incrementing
    ) async throws -> CommunityFixture {
        let environment = CommunityEnvironment(store: store, clock: clock, ids: ids)
        let service = CommunityService(environment)
        let memberService = MemberService(environment)
        let created = try await service.createCommunity(
            name: "Fixture \(slug)", slug: slug, owner: MemberProfile(handle: "owner", displayName: "Owner"))
        var memberList: [Member] = []
        for index in 0..<members {
            memberList.append(try await memberService.join(
                created.community.id, profile: MemberProfile(handle: "member-\(index + 1)", displayName: "Member \(index + 1)")))
        }
        var spaceList: [Space] = []
        for index in 0..<spaces {
            let visibility = visibilities.isEmpty ? .public : visibilities[index % visibilities.count]
            spaceList.append(try await service.createSpace(
                in: created.community.id, name: "Space \(index + 1)", slug: "space-\(index + 1)", visibility: visibility,
                by: .member(created.owner.id)))
        }
        return CommunityFixture(
            environment: environment, clock: clock, community: created.community, owner: created.owner,
            members: memberList, spaces: spaceList)
    }

    /// A member service over the fixture's environment.
    public var memberService: MemberService { MemberService(environment) }
    /// A community service over the fixture's environment.
    public var communityService: CommunityService { CommunityService(environment) }
}
