import CommunityCore
import CommunityDiscussions
import CommunityTesting
import Foundation
import Testing

/// Bad input to the discussion engine gets a typed error and changes nothing.
@Suite struct DiscussionBadInputTests {
    struct World: Sendable {
        let fixture: CommunityFixture
        let engine: DiscussionEngine
        let thread: StartedThread
        let deletedReply: Post
        var id: CommunityID { fixture.community.id }
        var author: Principal { .member(fixture.members[0].id) }
        var other: Principal { .member(fixture.members[1].id) }

        static func make() async throws -> World {
            let fixture = try await CommunityFixture.make(members: 3, spaces: 2)
            let engine = DiscussionEngine(fixture.environment)
            let thread = try await engine.startThread(in: fixture.spaces[0].id, of: fixture.community.id, kind: .question, title: "Q",
                                                      body: "?", by: .member(fixture.members[0].id))
            let reply = try await engine.reply(to: thread.thread.id, in: fixture.community.id, body: "gone", by: .member(fixture.members[1].id))
            try await engine.delete(reply.id, in: fixture.community.id, by: .member(fixture.members[1].id))
            return World(fixture: fixture, engine: engine, thread: thread, deletedReply: reply)
        }
    }

    struct BadCall: CustomTestStringConvertible, Sendable {
        var name: String
        var code: CommunityError.Code
        var call: @Sendable (World) async throws -> Void
        var testDescription: String { name }
    }

    static let calls: [BadCall] = [
        BadCall(name: "empty title", code: .invalidInput) { w in
            _ = try await w.engine.startThread(in: w.fixture.spaces[0].id, of: w.id, title: "", body: "x", by: w.author)
        },
        BadCall(name: "title with a control character", code: .invalidInput) { w in
            _ = try await w.engine.startThread(in: w.fixture.spaces[0].id, of: w.id, title: "a\u{0}b", body: "x", by: w.author)
        },
        BadCall(name: "100 KB body", code: .invalidInput) { w in
            _ = try await w.engine.reply(to: w.thread.thread.id, in: w.id, body: String(repeating: "x", count: 100_000), by: w.author)
        },
        BadCall(name: "whitespace body", code: .invalidInput) { w in
            _ = try await w.engine.reply(to: w.thread.thread.id, in: w.id, body: " \n ", by: w.author)
        },
        BadCall(name: "unknown thread", code: .notFound) { w in
            _ = try await w.engine.reply(to: ThreadID(high: 9, low: 9), in: w.id, body: "x", by: w.author)
        },
        BadCall(name: "reply to a deleted post", code: .invalidInput) { w in
            _ = try await w.engine.reply(to: w.thread.thread.id, in: w.id, body: "x", inReplyTo: w.deletedReply.id, by: w.author)
        },
        BadCall(name: "reaction not allowed", code: .invalidInput) { w in
            _ = try await w.engine.react(to: w.thread.firstPost.id, in: w.id, with: "💩", by: w.other)
        },
        BadCall(name: "reaction to a deleted post", code: .invalidInput) { w in
            _ = try await w.engine.react(to: w.deletedReply.id, in: w.id, with: "👍", by: w.author)
        },
        BadCall(name: "accept a deleted reply", code: .invalidInput) { w in
            _ = try await w.engine.accept(w.deletedReply.id, in: w.id, by: w.author)
        },
        BadCall(name: "eleven tags", code: .invalidInput) { w in
            _ = try await w.engine.startThread(in: w.fixture.spaces[0].id, of: w.id, title: "T", body: "x", tags: (0...10).map { "t\($0)" }, by: w.author)
        },
        BadCall(name: "thread in another community's space", code: .notFound) { w in
            _ = try await w.engine.startThread(in: SpaceID(high: 5, low: 5), of: w.id, title: "T", body: "x", by: w.author)
        },
        BadCall(name: "search without words", code: .invalidInput) { w in
            _ = try await w.engine.search("...", in: w.id, by: w.author)
        },
        BadCall(name: "flag with an empty note for other", code: .invalidInput) { w in
            _ = try await w.engine.flag(w.thread.firstPost.id, in: w.id, reason: .other, note: " ", by: w.other)
        },
        BadCall(name: "slow mode of two days", code: .invalidInput) { w in
            try await w.engine.configure(SpaceDiscussionSettings(spaceID: w.fixture.spaces[0].id, slowMode: 172_800), in: w.id, by: .member(w.fixture.owner.id))
        },
        BadCall(name: "empty reaction set", code: .invalidInput) { w in
            try await w.engine.configure(CommunityDiscussionSettings(communityID: w.id, allowedReactions: []), by: .member(w.fixture.owner.id))
        },
        BadCall(name: "posts page with a foreign cursor", code: .invalidInput) { w in
            _ = try await w.engine.posts(in: w.thread.thread.id, of: w.id, after: PageCursor("abc"), by: w.author)
        },
        BadCall(name: "digest over an empty period", code: .invalidInput) { w in
            _ = try await w.engine.digest(for: w.fixture.members[0].id, in: w.id, from: w.fixture.clock.now, to: w.fixture.clock.now)
        },
    ]

    @Test(arguments: calls)
    func refusedWithoutChange(_ bad: BadCall) async throws {
        let world = try await World.make()
        let store = world.fixture.environment.store
        let before = try await StoreSnapshot.capture(store, communities: [world.id])
        let postsBefore = try await world.engine.posts(in: world.thread.thread.id, of: world.id, by: .system("test")).items
        do {
            try await bad.call(world)
            Issue.record("expected \(bad.code)")
        } catch let error as CommunityError {
            #expect(error.code == bad.code, "\(error)")
        }
        #expect(try await StoreSnapshot.capture(store, communities: [world.id]) == before)
        #expect(try await world.engine.posts(in: world.thread.thread.id, of: world.id, by: .system("test")).items == postsBefore)
    }

    @Test func unsupportedStoresAreRefusedClearly() async throws {
        struct CoreOnlyStore: CommunityStore {
            let base = InMemoryCommunityStore()
            func read<T>(_ body: (any StoreReadTransaction) async throws -> T) async throws -> T { try await base.read { try await body(Wrapper(base: $0)) } }
            func write<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T { try await base.write { try await body($0) } }
            func waitForActivity(after sequence: Int64, timeout: Duration) async {}
            struct Wrapper: StoreReadTransaction {
                let base: any StoreReadTransaction
                func community(_ id: CommunityID) async throws -> Community? { try await base.community(id) }
                func community(slug: String) async throws -> Community? { nil }
                func member(_ id: MemberID, in community: CommunityID) async throws -> Member? { nil }
                func member(handle: String, in community: CommunityID) async throws -> Member? { nil }
                func members(in community: CommunityID, after: MemberID?, limit: Int) async throws -> [Member] { [] }
                func members(in community: CommunityID, matching query: DirectoryQuery, after: MemberID?, limit: Int) async throws -> [Member] { [] }
                func memberCount(in community: CommunityID, role: Role?) async throws -> Int { 0 }
                func space(_ id: SpaceID, in community: CommunityID) async throws -> Space? { nil }
                func space(slug: String, in community: CommunityID) async throws -> Space? { nil }
                func spaces(in community: CommunityID, after: SpaceID?, limit: Int) async throws -> [Space] { [] }
                func membership(of member: MemberID, in space: SpaceID) async throws -> Membership? { nil }
                func memberships(in space: SpaceID, after: MemberID?, limit: Int) async throws -> [Membership] { [] }
                func memberships(of member: MemberID, after: SpaceID?, limit: Int) async throws -> [Membership] { [] }
                func invitation(token: String) async throws -> Invitation? { nil }
                func invitation(_ id: InvitationID, in community: CommunityID) async throws -> Invitation? { nil }
                func joinRequest(_ id: JoinRequestID, in community: CommunityID) async throws -> JoinRequest? { nil }
                func pendingJoinRequest(of member: MemberID, in space: SpaceID) async throws -> JoinRequest? { nil }
                func joinRequests(in space: SpaceID, state: JoinRequest.State, after: JoinRequestID?, limit: Int) async throws -> [JoinRequest] { [] }
                func activities(in community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] { [] }
                func activities(inSpace space: SpaceID, of community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] { [] }
                func lastActivitySequence() async throws -> Int64 { 0 }
            }
        }
        let engine = DiscussionEngine(CommunityEnvironment(store: CoreOnlyStore()))
        await #expect {
            _ = try await engine.threads(in: SpaceID(high: 1, low: 1), of: CommunityID(high: 1, low: 1), by: .system("test"))
        } throws: { error in
            (error as? CommunityError)?.code == .storage
        }
    }
}
