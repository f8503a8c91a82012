import CommunityCore
import CommunityDiscussions

/// `unread.counts`: unread threads and posts of one random member over every space they can
/// read. The member caught up with their home spaces at their last visit and read the threads
/// they posted in; everything since counts. The peer: the spaces, the member's marks, then one
/// indexed query per space.
enum UnreadCountsBench {
    static func run(_ context: BenchContext) async throws {
        var rng = context.rng("unread.counts")
        let inputs = (0..<context.samples(1_000)).map { _ in context.viewer(&rng) }
        try await context.run("unread.counts", inputs: inputs, warmUp: 100) { fixture, slice in
            try await measure(slice) { member in
                let counts = try await fixture.engine.unreadCounts(in: fixture.community, by: .member(fixture.members[member]))
                precondition(counts.count == fixture.spaces.count, "unread.counts did not cover every space")
            }
        } peer: { peer in
            try peer.unreadCounts()
        }
        for fixture in context.fixtures where fixture.supportsDiscussions {
            guard let peer = context.peer else { break }
            let checked = Array(inputs.prefix(50))
            var sdk: [String] = []
            for member in checked {
                let counts = try await fixture.engine.unreadCounts(in: fixture.community, by: .member(fixture.members[member]))
                sdk.append(String(counts.reduce(0) { $0 + $1.posts }))
            }
            context.crossCheck("unread.counts (unread posts) [\(fixture.backend)]", sdk: sdk, peer: try peer.unreadPosts(checked))
        }
    }
}
