/// A member-directory search: every term must prefix-match a word of the member's handle,
/// display name or interests, ignoring case and diacritics (`"elo"` finds "Éloïse").
public struct DirectoryQuery: Hashable, Sendable {
    /// The normalized terms (lowercase, without diacritics), at least one.
    public let terms: [String]

    /// Parses a query text.
    /// - Throws: `invalidInput` if it holds no searchable word or is longer than 100 characters.
    public init(_ text: String) throws {
        guard text.count <= 100 else {
            throw CommunityError.invalidInput("a directory query is at most 100 characters; got \(text.count)", field: "query")
        }
        let terms = SearchText.tokens(of: text)
        guard !terms.isEmpty else {
            throw CommunityError.invalidInput("a directory query needs at least one letter or digit", field: "query")
        }
        self.terms = Array(Set(terms)).sorted()
    }

    /// The words under which a member is found: handle parts, display-name words and interests.
    public static func indexTokens(of member: Member) -> Set<String> {
        var tokens = Set(SearchText.tokens(of: member.handle))
        tokens.insert(member.handle)
        tokens.formUnion(SearchText.tokens(of: member.displayName))
        for interest in member.interests {
            tokens.formUnion(SearchText.tokens(of: interest))
            tokens.insert(interest)
        }
        return tokens
    }

    /// Whether `member` matches the query (what every backend must return).
    public func matches(_ member: Member) -> Bool {
        let tokens = Self.indexTokens(of: member)
        return terms.allSatisfy { term in tokens.contains { $0.hasPrefix(term) } }
    }
}
