import Foundation

extension MemberService {
    /// The member directory: everyone in the community in join order, or those matching a search
    /// on handle, name or interests (prefix of each word, case- and accent-insensitive).
    ///
    /// It never reveals which spaces someone is in.
    /// - Parameters:
    ///   - community: The community.
    ///   - query: Search text; `nil` lists everyone.
    ///   - after: The cursor of the previous page.
    ///   - limit: Page size, 1–200.
    ///   - viewer: Who is looking (members and above; suspended members too).
    /// - Throws: `forbidden`, `invalidInput` (bad query, cursor or limit).
    public func directory(of community: CommunityID, matching query: String? = nil, after: PageCursor? = nil, limit: Int = 50,
                          by viewer: Principal) async throws -> Page<Member> {
        try Validate.limit(limit)
        let search = try query.map(DirectoryQuery.init)
        let cursor: MemberID? = try after?.identifier()
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            try await tx.authorize(.viewDirectory, by: viewer, in: community, policy: environment.policy, at: now)
            let items = if let search {
                try await tx.members(in: community, matching: search, after: cursor, limit: limit)
            } else {
                try await tx.members(in: community, after: cursor, limit: limit)
            }
            return Page(items: items, nextCursor: items.count == limit ? items.last.map { PageCursor(after: $0.id) } : nil)
        }
    }

    /// One member's profile, for someone who may view the directory (or the member themselves).
    /// - Throws: `notFound`, `forbidden`.
    public func member(_ id: MemberID, in community: CommunityID, by viewer: Principal) async throws -> Member {
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            if viewer != .member(id) {
                try await tx.authorize(.viewDirectory, by: viewer, in: community, policy: environment.policy, at: now)
            }
            return try await tx.requireMember(id, in: community)
        }
    }
}
