import CommunityCore
import CommunityDiscussions

/// One reply of the `post.create` bench: who replies to which thread with what.
struct ReplyInput: Sendable {
    var thread: Int
    var member: Int
    var body: String
    var mentions: [Int]
}

/// `post.create`: a reply end to end through `DiscussionEngine.reply` (validation, access,
/// counters, activity, mentions, follower notifications), one transaction each, with 1 and then
/// 8 concurrent writers. The SQLite peer writes the same rows through the C API, one transaction
/// each, one connection per writer thread; the PostgreSQL peer writes the rows of
/// `pg_post_create.sql` through prepared statements, one connection per writer. The SDK and the
/// peer take turns in four rounds.
/// Ratio: SDK ops/s ÷ peer ops/s.
enum PostCreateBench {
    static func run(_ context: BenchContext) async throws {
        var rng = context.rng("post.create")
        let workload = context.workload
        for writers in [1, 8] {
            let count = context.samples(writers == 1 ? 3_000 : 4_000) / writers * writers
            let inputs: [ReplyInput] = (0..<count).map { _ in
                let body = workload.text.body(&rng, members: workload.members.count)
                return ReplyInput(thread: rng.below(workload.threads.count), member: workload.authors.pick(&rng), body: body,
                                  mentions: TextGenerator.mentions(in: body))
            }
            try await context.run("post.create", inputs: inputs, warmUp: 0, rounds: 4, ratio: .ops, writers: writers,
                                  postgresPeer: postgresPeer(context, writers: writers)) { fixture, slice in
                try await replies(slice, writers: writers, fixture: fixture)
            } peer: { peer in
                { slice in try peer.postCreate(slice, writers: writers) }
            }
        }
    }

    /// The raw PostgreSQL peer with `writers` connections, when the `postgres` backend runs.
    static func postgresPeer(_ context: BenchContext, writers: Int) -> ((ArraySlice<ReplyInput>) async throws -> Samples)? {
        #if Postgres
        if let peer = context.postgresPeer {
            return { slice in try await peer.postCreate(slice, writers: writers) }
        }
        #endif
        return nil
    }

    /// Runs `inputs` split over `writers` concurrent tasks; wall time covers them all.
    static func replies(_ inputs: ArraySlice<ReplyInput>, writers: Int, fixture: SDKFixture) async throws -> Samples {
        let reply: @Sendable (ReplyInput) async throws -> Void = { input in
            try await fixture.engine.reply(to: fixture.threads[input.thread], in: fixture.community, body: input.body,
                                           by: .member(fixture.members[input.member]))
        }
        let start = monotonicNanoseconds()
        let series = try await withThrowingTaskGroup(of: Samples.self) { group in
            for slice in inputs.split(into: writers) {
                group.addTask { try await measure(slice, reply) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return Samples.merged(series, wallNanoseconds: monotonicNanoseconds() - start)
    }
}
