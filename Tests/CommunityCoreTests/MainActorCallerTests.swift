import CommunityCore
import CommunityTesting
import Testing

/// Host code often runs on the main actor: the transaction API must be usable from there.
@Suite struct MainActorCallerTests {
    @MainActor @Test func mainActorCodeCanRunTransactions() async throws {
        let store = InMemoryCommunityStore()
        let fixture = try await CommunityFixture.make(store: store)
        let count = try await store.read { tx in try await tx.memberCount(in: fixture.community.id, role: nil) }
        try await store.write { tx in
            var member = try await tx.member(fixture.members[0].id, in: fixture.community.id)
            member?.bio = "edited on the main actor"
            if let member { try await tx.update(member) }
        }
        #expect(count == 4)
    }
}
