import CommunityCore
import Foundation

/// Ranked full-text search in two steps, so only the best-ranked documents are joined to their
/// posts and threads: FTS5 ranks every match itself (``SQLiteQueries/searchCandidates``, a few
/// times more than the page needs), then the candidates the viewer may not see are filtered
/// out (``SQLiteQueries/searchFilter``). When too many were filtered to prove the page, the
/// candidate count grows until the page is proven or every match is a candidate.
///
/// The page is exactly the one of ranking every visible match by score (negated BM25,
/// greater is better) then post id, both descending: every match outside the candidates ranks
/// at or below the worst candidate, so a page whose last hit scores strictly better than the
/// worst candidate is complete.
extension SQLiteTransaction {
    func search(in community: CommunityID, query: SearchQuery, spaces: Set<SpaceID>, offset: Int, limit: Int) async throws -> [SearchHit] {
        guard offset >= 0, limit > 0, !spaces.isEmpty else { return [] }
        let spaceList = try SQLiteRecords.json(spaces.map(SQLiteRecords.hex).sorted())
        let match = SQLiteQueries.ftsQuery(query)
        let (end, overflow) = offset.addingReportingOverflow(limit)
        let wanted = overflow ? Int.max : end
        var candidates = Self.saturatingProduct(wanted, 4)
        return try run { db in
            while true {
                let ranked = try db.query(SQLiteQueries.searchCandidates, [.text(match), .integer(Int64(candidates))]) { row in
                    (seq: row.int64(0), score: -row.double(1))
                }
                let isEveryMatch = ranked.count < candidates
                var scores: [Int64: Double] = [:]
                scores.reserveCapacity(ranked.count)
                for candidate in ranked { scores[candidate.seq] = candidate.score }
                let seqs = "[" + ranked.map { String($0.seq) }.joined(separator: ",") + "]"
                var hits = try db.query(SQLiteQueries.searchFilter, [.text(seqs), .id(community), spaceList]) { row in
                    SearchHit(postID: try row.id(1), threadID: try row.id(2), spaceID: try row.id(3), score: scores[row.int64(0)] ?? 0)
                }
                hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.postID > $1.postID }
                let page = Array(hits.dropFirst(offset).prefix(limit))
                if isEveryMatch { return page }
                if hits.count >= wanted, let worst = ranked.last?.score, let last = page.last, last.score > worst { return page }
                candidates = Self.saturatingProduct(candidates, 8)
            }
        }
    }

    private static func saturatingProduct(_ value: Int, _ factor: Int) -> Int {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? Int.max : max(product, 64)
    }
}
