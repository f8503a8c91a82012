import Foundation

/// One community's inverted index for discussion search, updated on every post write.
///
/// Postings map a word to the documents (posts) holding it with its term frequency; a sorted
/// word list serves prefix expansion of the last query term. Ranking is BM25 (k1 1.2, b 0.75).
struct SearchIndex {
    private struct Document {
        var spaceID: SpaceID
        var threadID: ThreadID
        var terms: [String: Int]
        var length: Int
    }

    private var postings: [String: [PostID: Int]] = [:]
    private var words = SortedKeys<String>()
    private var documents: [PostID: Document] = [:]
    private var totalLength = 0

    /// Indexes (or re-indexes) a post's text; an empty text removes it.
    mutating func set(_ post: PostID, thread: ThreadID, space: SpaceID, text: String) {
        remove(post)
        let tokens = SearchText.tokens(of: text)
        guard !tokens.isEmpty else { return }
        var terms: [String: Int] = [:]
        for token in tokens { terms[token, default: 0] += 1 }
        for (term, frequency) in terms {
            if postings[term] == nil { words.insert(term) }
            postings[term, default: [:]][post] = frequency
        }
        documents[post] = Document(spaceID: space, threadID: thread, terms: terms, length: tokens.count)
        totalLength += tokens.count
    }

    mutating func remove(_ post: PostID) {
        guard let document = documents.removeValue(forKey: post) else { return }
        totalLength -= document.length
        for term in document.terms.keys {
            postings[term]?[post] = nil
            if postings[term]?.isEmpty == true {
                postings[term] = nil
                words.remove(term)
            }
        }
    }

    func search(_ query: SearchQuery, spaces: Set<SpaceID>, accept: (PostID) -> Bool) -> [SearchHit] {
        guard !documents.isEmpty else { return [] }
        let count = Double(documents.count)
        let averageLength = Double(totalLength) / count
        // Each query term becomes a group of index words: itself, or every word it prefixes.
        var groups: [[String]] = query.exactTerms.map { [$0] }
        let start = words.lowerBound(query.prefixTerm)
        var expansions: [String] = []
        var index = start
        while index < words.keys.count, words.keys[index].hasPrefix(query.prefixTerm) {
            expansions.append(words.keys[index])
            index += 1
        }
        groups.append(expansions)
        // Candidates: documents of the rarest group, then required to match every group.
        let sized = groups.map { group in (group, group.reduce(0) { $0 + (postings[$1]?.count ?? 0) }) }.sorted { $0.1 < $1.1 }
        guard let rarest = sized.first, rarest.1 > 0 else { return [] }
        var candidates = Set<PostID>()
        for word in rarest.0 { candidates.formUnion(postings[word]?.keys ?? [:].keys) }
        var hits: [SearchHit] = []
        for post in candidates {
            guard let document = documents[post], spaces.contains(document.spaceID), accept(post) else { continue }
            var score = 0.0
            var matchesAll = true
            for (group, _) in sized {
                var groupScore = 0.0
                var matched = false
                for word in group {
                    guard let frequency = document.terms[word], let list = postings[word] else { continue }
                    matched = true
                    let idf = log(1 + (count - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
                    let tf = Double(frequency)
                    groupScore += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(document.length) / averageLength))
                }
                guard matched else { matchesAll = false; break }
                score += groupScore
            }
            if matchesAll { hits.append(SearchHit(postID: post, threadID: document.threadID, spaceID: document.spaceID, score: score)) }
        }
        return hits.sorted { ($0.score, $0.postID) > ($1.score, $1.postID) }
    }
}
