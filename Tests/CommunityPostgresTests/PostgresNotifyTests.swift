#if Postgres
import CommunityCore
import CommunityPostgres
import Foundation
import Testing

/// Cross-instance real time: a subscriber on one store instance is woken by an activity another
/// instance commits (LISTEN/NOTIFY), and reads it from its cursor.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresNotifyTests {
    private func append(to store: PostgresCommunityStore, community: CommunityID, note: String) async throws -> Activity {
        let ids = IDGenerator.uuidV7
        return try await store.write { tx in
            try await tx.append(Activity(
                id: ids.next(at: Date()), communityID: community, actor: .system("test"), verb: .communityUpdated,
                subject: SubjectRef("community", community), occurredAt: Date(), payload: ["note": note]))
        }
    }

    /// Instance B runs on a client the host owns (`init(client:schema:)`), A on its own configuration.
    @Test func aSubscriberOnInstanceBSeesAnActivityWrittenOnInstanceA() async throws {
        let configuration = PostgresTestServer.configuration()
        try await RunningStores.with { stores in
            let a = try await stores.make(configuration)
            let b = try await stores.makeOnOwnClient(configuration)
            let created = try await CommunityService(CommunityEnvironment(store: a)).createCommunity(
                name: "Live", slug: "live", owner: MemberProfile(handle: "owner", displayName: "Owner"))
            let community = created.community.id
            for round in 0..<3 {
                let cursor = try await b.read { try await $0.lastActivitySequence() }
                let clock = ContinuousClock()
                async let waited: Duration = clock.measure { await b.waitForActivity(after: cursor, timeout: .seconds(30)) }
                try await Task.sleep(for: .milliseconds(200))
                let appended = try await append(to: a, community: community, note: "round \(round)")
                let elapsed = await waited
                #expect(elapsed < .seconds(10), "round \(round): B woke after \(elapsed), not on A's notification")
                let seen = try await b.read { try await $0.activities(in: community, after: cursor, limit: 10) }
                #expect(seen.map(\.id) == [appended.id], "round \(round): B reads A's activity from its cursor")
                #expect(seen.first?.sequence == appended.sequence)
            }
        }
    }

    @Test func anActivityStreamOnBDeliversActivitiesWrittenOnA() async throws {
        let configuration = PostgresTestServer.configuration()
        try await RunningStores.with { stores in
            let a = try await stores.make(configuration)
            let b = try await stores.make(configuration)
            let created = try await CommunityService(CommunityEnvironment(store: a)).createCommunity(
                name: "Stream", slug: "stream", owner: MemberProfile(handle: "owner", displayName: "Owner"))
            let community = created.community.id
            let cursor = try await b.read { try await $0.lastActivitySequence() }
            // A long idle wait: only notifications can wake the stream in time.
            let stream = ActivityStream(store: b, community: community, after: cursor, idleWait: .seconds(60))
            let started = ContinuousClock.now
            async let received: [Activity] = {
                var seen: [Activity] = []
                for try await activity in stream {
                    seen.append(activity)
                    if seen.count == 5 { break }
                }
                return seen
            }()
            var written: [ActivityID] = []
            for index in 0..<5 {
                written.append(try await append(to: a, community: community, note: "\(index)").id)
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await received.map(\.id) == written, "in commit order, none missed")
            #expect(ContinuousClock.now - started < .seconds(20), "woken by notifications, not by the idle wait")
        }
    }
}
#endif
