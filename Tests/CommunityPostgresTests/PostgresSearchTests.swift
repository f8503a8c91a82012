#if Postgres
import CommunityCore
import CommunityDiscussions
import CommunityPostgres
import CommunityTesting
import Testing

/// Full-text search on `tsvector` with `unaccent`: accents and ligatures fold both ways, the last
/// term is a prefix, every term is required, results are ranked.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresSearchTests {
    @Test func frenchAccentsFoldAndResultsAreRanked() async throws {
        try await RunningStores.with { stores in
            let fixture = try await CommunityFixture.make(store: try await stores.make(), ids: .uuidV7)
            let engine = DiscussionEngine(fixture.environment)
            let author = Principal.member(fixture.owner.id)
            let space = try #require(fixture.spaces.first).id
            let café = try await engine.startThread(in: space, of: fixture.community.id, title: "Café crème à Montréal",
                                                    body: "Rendez-vous à l'hôtel de ville, près de l'église", by: author)
            let cœur = try await engine.startThread(in: space, of: fixture.community.id, title: "Le cœur du problème",
                                                    body: "Une œuvre déjà vue", by: author)
            let often = try await engine.reply(to: cœur.thread.id, in: fixture.community.id,
                                               body: "Problème, problème, toujours le même problème", by: author)
            func ids(_ text: String) async throws -> [PostID] {
                try await engine.search(text, in: fixture.community.id, by: author).items.map(\.post.id)
            }
            #expect(try await ids("cafe creme") == [café.firstPost.id], "accents of the title fold")
            #expect(try await ids("CAFÉ MONTRÉAL") == [café.firstPost.id], "accents of the query fold")
            #expect(try await ids("hotel eglise") == [café.firstPost.id], "accents of the body fold")
            #expect(try await ids("montr") == [café.firstPost.id], "the last term is a prefix")
            #expect(try await ids("coeur oeuvre") == [cœur.firstPost.id], "unaccent folds ligatures (œ → oe)")
            #expect(try await ids("cœur") == [cœur.firstPost.id], "and folds them in the query too")
            #expect(try await ids("cafe coeur").isEmpty, "every term is required")
            #expect(try await ids("probleme") == [often.id, cœur.firstPost.id], "more occurrences rank first")
        }
    }
}
#endif
