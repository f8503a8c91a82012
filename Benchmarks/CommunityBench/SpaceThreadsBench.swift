import CommunityCore
import CommunityDiscussions

/// `space.threads`: the first 30 threads of a random space by last activity, warm; the peer runs
/// the indexed `threads(space, last_activity DESC)` range (on PostgreSQL, on the SDK's own
/// `threads_by_activity` index).
enum SpaceThreadsBench {
    static func run(_ context: BenchContext) async throws {
        var rng = context.rng("space.threads")
        let inputs: [(space: Int, viewer: Int)] = (0..<context.samples(2_000)).map { _ in
            (rng.below(context.workload.spaces.count), context.viewer(&rng))
        }
        try await context.run("space.threads", inputs: inputs, warmUp: 200, postgresPeer: postgresPeer(context)) { fixture, slice in
            try await measure(slice) { input in
                let page = try await fixture.engine.threads(in: fixture.spaces[input.space], of: fixture.community, order: .latestActivity,
                                                            limit: 30, by: .member(fixture.members[input.viewer]))
                precondition(!page.items.isEmpty, "space.threads returned no thread")
            }
        } peer: { peer in
            let list = try peer.spaceThreads()
            return { slice in try list(slice.map(\.space)[...]) }
        }
    }

    /// The raw PostgreSQL peer, when the `postgres` backend runs.
    static func postgresPeer(_ context: BenchContext) -> ((ArraySlice<(space: Int, viewer: Int)>) async throws -> Samples)? {
        #if Postgres
        if let peer = context.postgresReads {
            return { slice in try await peer.spaceThreads(slice.map(\.space)[...]) }
        }
        #endif
        return nil
    }
}
