import CommunityCore
import CommunityTesting
import Testing

/// No call made in one community returns data of another, whoever asks.
@Suite struct TenantIsolationTests {
    struct Two {
        let a: CommunityFixture
        let b: CommunityFixture
        static func make() async throws -> Two {
            let store = InMemoryCommunityStore()
            let ids = IDGenerator.incrementing
            let a = try await CommunityFixture.make(slug: "a", members: 2, spaces: 2, visibilities: [.public, .secret], store: store, ids: ids)
            let b = try await CommunityFixture.make(slug: "b", members: 2, spaces: 2, visibilities: [.public, .secret], store: store, ids: ids)
            return Two(a: a, b: b)
        }
    }

    @Test func directoryListsOnlyItsOwnMembers() async throws {
        let two = try await Two.make()
        let page = try await two.a.memberService.directory(of: two.a.community.id, by: .system("test"))
        #expect(Set(page.items.map(\.communityID)) == [two.a.community.id])
        let search = try await two.a.memberService.directory(of: two.a.community.id, matching: "member", by: .system("test"))
        #expect(search.items.map(\.id) == two.a.members.map(\.id))
    }

    @Test func membersOfOneCommunityCannotActInAnother() async throws {
        let two = try await Two.make()
        let outsider = Principal.member(two.a.members[0].id)
        let b = two.b.community.id
        await #expect(throws: CommunityError.self) { try await two.b.memberService.directory(of: b, by: outsider) }
        await #expect(throws: CommunityError.self) { try await two.b.communityService.spaces(in: b, viewer: outsider) }
        await #expect(throws: CommunityError.self) { try await two.b.memberService.member(two.b.members[0].id, in: b, by: outsider) }
        await #expect(throws: CommunityError.self) { try await two.b.memberService.invite(to: b, by: outsider) }
        await #expect(throws: CommunityError.self) { try await two.b.communityService.activities(in: b, by: .member(two.a.owner.id)) }
    }

    @Test func recordsOfAnotherCommunityAreNotFoundThroughThisOne() async throws {
        let two = try await Two.make()
        let a = two.a.community.id
        let owner = Principal.member(two.a.owner.id)
        let foreignMember = two.b.members[0].id
        let foreignSpace = two.b.spaces[0].id
        try await expectNotFound { try await two.a.memberService.member(foreignMember, in: a, by: owner) }
        try await expectNotFound { try await two.a.communityService.space(foreignSpace, in: a, viewer: owner) }
        try await expectNotFound { try await two.a.memberService.spaceMembers(of: foreignSpace, in: a, by: owner) }
        try await expectNotFound { try await two.a.memberService.changeRole(of: foreignMember, in: a, to: .admin, by: owner) }
        try await expectNotFound { try await two.a.memberService.addMember(foreignMember, toSpace: two.a.spaces[0].id, in: a, by: owner) }
    }

    @Test func activityLogsAreSeparate() async throws {
        let two = try await Two.make()
        let logA = try await two.a.communityService.activities(in: two.a.community.id, limit: 1000, by: .member(two.a.owner.id))
        let logB = try await two.b.communityService.activities(in: two.b.community.id, limit: 1000, by: .member(two.b.owner.id))
        #expect(!logA.isEmpty && !logB.isEmpty)
        #expect(logA.allSatisfy { $0.communityID == two.a.community.id })
        #expect(logB.allSatisfy { $0.communityID == two.b.community.id })
        #expect(Set(logA.map(\.id)).isDisjoint(with: logB.map(\.id)))
    }

    @Test func secretSpacesOfAnotherCommunityNeverAppear() async throws {
        let two = try await Two.make()
        let spaces = try await two.a.communityService.spaces(in: two.a.community.id, viewer: .system("test"))
        #expect(spaces.items.map(\.id) == two.a.spaces.map(\.id))
    }

    private func expectNotFound<T>(_ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        do {
            _ = try await body()
            Issue.record("expected notFound", sourceLocation: sourceLocation)
        } catch CommunityError.Code.notFound {
        } catch {
            Issue.record("expected notFound, got \(error)", sourceLocation: sourceLocation)
        }
    }
}
