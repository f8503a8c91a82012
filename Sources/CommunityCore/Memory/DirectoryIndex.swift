/// The member directory's word index for one community: sorted (word, member) pairs, so a
/// prefix lookup is a binary search followed by a scan of the matching range only.
struct DirectoryIndex {
    private struct Entry: Comparable {
        var token: String
        var member: MemberID
        static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.token, lhs.member) < (rhs.token, rhs.member) }
    }

    private var entries: [Entry] = []

    private func lowerBound(_ entry: Entry) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid] < entry { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func insert(_ member: Member) {
        for token in DirectoryQuery.indexTokens(of: member) {
            let entry = Entry(token: token, member: member.id)
            let index = lowerBound(entry)
            if index < entries.count && entries[index] == entry { continue }
            entries.insert(entry, at: index)
        }
    }

    mutating func remove(_ member: Member) {
        for token in DirectoryQuery.indexTokens(of: member) {
            let entry = Entry(token: token, member: member.id)
            let index = lowerBound(entry)
            if index < entries.count && entries[index] == entry { entries.remove(at: index) }
        }
    }

    /// Members having a word that starts with `prefix`.
    func members(withPrefix prefix: String) -> Set<MemberID> {
        var result = Set<MemberID>()
        var index = lowerBound(Entry(token: prefix, member: MemberID(high: 0, low: 0)))
        while index < entries.count && entries[index].token.hasPrefix(prefix) {
            result.insert(entries[index].member)
            index += 1
        }
        return result
    }

    /// Members matching every term of `query`.
    func members(matching query: DirectoryQuery) -> Set<MemberID> {
        var result: Set<MemberID>?
        for term in query.terms.sorted(by: { $0.count > $1.count }) {
            let matches = members(withPrefix: term)
            result = result.map { $0.intersection(matches) } ?? matches
            if result?.isEmpty == true { break }
        }
        return result ?? []
    }
}
