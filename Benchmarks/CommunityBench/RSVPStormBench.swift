import CommunityCore
import CommunityEvents
import CommunitySQLite
import Foundation

/// `rsvp.storm`: 10,000 concurrent `going` RSVPs to one occurrence of capacity 100, through
/// `EventScheduler` on each backend. The figure is RSVPs/s (and per-RSVP latency); the run fails
/// unless exactly 100 are confirmed and 9,900 waitlisted, with distinct waitlist places.
enum RSVPStormBench {
    static let occurrence = "2030-01-01T18:00:00"

    static func run(_ context: BenchContext, backends: [String]) async throws {
        let members = context.scale == "tiny" ? 1_000 : 10_000
        let capacity = context.scale == "tiny" ? 10 : 100
        for backend in backends {
            if backend == "postgres" {
                Report.note("rsvp.storm [postgres]: not measured on PostgreSQL yet (memory and sqlite only)")
                continue
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rsvp-storm-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store: any CommunityStore = backend == "sqlite"
                ? try SQLiteCommunityStore(path: folder.appendingPathComponent("storm.sqlite").path)
                : InMemoryCommunityStore()
            let environment = CommunityEnvironment(store: store)
            let (community, owner, ids) = try await seed(environment, members: members)
            let scheduler = EventScheduler(environment)
            var draft = EventDraft(title: "Launch", start: occurrence, timeZone: "UTC", duration: 3600)
            draft.capacity = capacity
            let event = try await scheduler.createEvent(in: community, draft, by: .member(owner))

            let start = monotonicNanoseconds()
            let results = try await withThrowingTaskGroup(of: (EventRSVP, UInt64).self) { group in
                for member in ids {
                    group.addTask {
                        let t0 = monotonicNanoseconds()
                        let rsvp = try await scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: community, by: .member(member))
                        return (rsvp, monotonicNanoseconds() - t0)
                    }
                }
                return try await group.reduce(into: [(EventRSVP, UInt64)]()) { $0.append($1) }
            }
            let wall = monotonicNanoseconds() - start
            let confirmed = results.filter { $0.0.seat == .confirmed }.count
            let waitlisted = results.filter { $0.0.seat == .waitlisted }
            let places = Set(waitlisted.compactMap(\.0.waitlistNumber))
            context.report.add(BenchResult(
                bench: "rsvp.storm", backend: backend, scale: context.scale,
                samples: Samples(latencies: results.map(\.1), wallNanoseconds: wall),
                extra: [("confirmed", String(confirmed)), ("waitlisted", String(waitlisted.count)), ("capacity", String(capacity))]))
            guard confirmed == capacity, waitlisted.count == members - capacity, places.count == waitlisted.count else {
                throw BenchError("rsvp.storm on \(backend): \(confirmed) confirmed and \(waitlisted.count) waitlisted (\(places.count) places) for capacity \(capacity)")
            }
        }
    }

    /// A community with `members` members, written in large transactions through the contract.
    private static func seed(_ environment: CommunityEnvironment, members: Int) async throws -> (CommunityID, MemberID, [MemberID]) {
        let created = try await CommunityService(environment).createCommunity(
            name: "Storm", slug: "storm", owner: MemberProfile(handle: "host", displayName: "Host"))
        let community = created.community.id
        let now = environment.clock.now
        var ids: [MemberID] = []
        for batch in stride(from: 0, to: members, by: 2_000) {
            let chunk = (batch..<min(members, batch + 2_000)).map { index in
                Member(id: environment.ids.next(at: now), communityID: community, handle: "m\(index)", displayName: "Member \(index)", joinedAt: now)
            }
            try await environment.store.write { tx in for member in chunk { try await tx.insert(member) } }
            ids += chunk.map(\.id)
        }
        return (community, created.owner.id, ids)
    }
}
