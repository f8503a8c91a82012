import CommunityCore
import CommunityDiscussions

/// `thread.page`: 50 posts of a thread by cursor, warm. Threads long enough for a full page
/// (at least 51 posts), a random cursor inside; the peer runs the indexed `posts(thread, number)` range
/// (on PostgreSQL, on the SDK's own `posts(thread_id, number)`).
enum ThreadPageBench {
    static func run(_ context: BenchContext) async throws {
        let workload = context.workload
        var rng = context.rng("thread.page")
        var long = workload.threads.indices.filter { workload.threads[$0].postCount > 50 }
        if long.isEmpty { long = Array(workload.threads.indices) }
        let inputs: [(thread: Int, after: Int, viewer: Int)] = (0..<context.samples(2_000)).map { _ in
            let thread = long[rng.below(long.count)]
            let after = rng.below(max(1, workload.threads[thread].postCount - 49))
            return (thread, after, context.viewer(&rng))
        }
        try await context.run("thread.page", inputs: inputs, warmUp: 200, postgresPeer: postgresPeer(context)) { fixture, slice in
            try await measure(slice) { input in
                let result = try await fixture.engine.posts(
                    in: fixture.threads[input.thread], of: fixture.community, after: input.after == 0 ? nil : PageCursor(String(input.after)),
                    limit: 50, by: .member(fixture.members[input.viewer]))
                precondition(!result.items.isEmpty, "thread.page returned no post")
            }
        } peer: { peer in
            let page = try peer.threadPage()
            return { slice in try page(slice.map { ($0.thread, $0.after) }[...]) }
        }
    }

    /// The raw PostgreSQL peer, when the `postgres` backend runs.
    static func postgresPeer(_ context: BenchContext) -> ((ArraySlice<(thread: Int, after: Int, viewer: Int)>) async throws -> Samples)? {
        #if Postgres
        if let peer = context.postgresReads {
            return { slice in try await peer.threadPage(slice.map { ($0.thread, $0.after) }[...]) }
        }
        #endif
        return nil
    }
}
