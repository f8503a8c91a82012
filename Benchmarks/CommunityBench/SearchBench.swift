import CommunityCore
import CommunityDiscussions

/// `search`: a two-word query typed without accents ("evenement reponse" finds "événement
/// réponse"), the last word a prefix, top 20 by BM25. The peer: FTS5 `unicode61 remove_diacritics 2`,
/// `MATCH '"w1" "w2"*' ORDER BY rank LIMIT 20`, joined to the posts and threads.
enum SearchBench {
    static func run(_ context: BenchContext) async throws {
        var rng = context.rng("search")
        let inputs: [(query: String, viewer: Int)] = (0..<context.samples(1_000)).map { _ in
            (context.workload.text.query(&rng), context.viewer(&rng))
        }
        try await context.run("search", inputs: inputs, warmUp: 100) { fixture, slice in
            try await measure(slice) { input in
                _ = try await fixture.engine.search(input.query, in: fixture.community, limit: 20, by: .member(fixture.members[input.viewer]))
            }
        } peer: { peer in
            let search = try peer.search()
            return { slice in try search(slice.map(\.query)[...]) }
        }
        for fixture in context.fixtures where fixture.supportsDiscussions {
            guard let peer = context.peer else { break }
            let checked = Array(inputs.prefix(50))
            let threadIndex = Dictionary(uniqueKeysWithValues: fixture.threads.enumerated().map { ($1, $0) })
            var sdk: [String] = []
            for input in checked {
                let hits = try await fixture.engine.search(input.query, in: fixture.community, limit: 20, by: .member(fixture.members[input.viewer])).items
                sdk.append(hits.first.map { "\(hits.count):\(threadIndex[$0.thread.id] ?? -1)#\($0.post.number)" } ?? "0:-")
            }
            context.crossCheck("search (hits:best thread#number) [\(fixture.backend)]", sdk: sdk, peer: try peer.searchHits(checked.map(\.query)))
        }
    }
}
