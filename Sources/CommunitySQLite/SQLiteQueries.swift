/// The SQL of every paged query, in one place so the query-plan test checks exactly what runs.
enum SQLiteQueries {
    static let membersPage =
        "SELECT \(SQLiteRecords.memberColumns) FROM members WHERE community_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"

    static let spacesPage =
        "SELECT \(SQLiteRecords.spaceColumns) FROM spaces WHERE community_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"

    static let membershipsOfSpace =
        "SELECT \(SQLiteRecords.membershipColumns) FROM memberships WHERE space_id = ?1 AND member_id > ?2 ORDER BY member_id LIMIT ?3"

    static let membershipsOfMember =
        "SELECT \(SQLiteRecords.membershipColumns) FROM memberships WHERE member_id = ?1 AND space_id > ?2 ORDER BY space_id LIMIT ?3"

    static let joinRequestsPage =
        "SELECT \(SQLiteRecords.joinRequestColumns) FROM join_requests WHERE space_id = ?1 AND state = ?2 AND id > ?3 ORDER BY id LIMIT ?4"

    static let activitiesOfCommunity =
        "SELECT \(SQLiteRecords.activityColumns) FROM activities WHERE community_id = ?1 AND sequence > ?2 ORDER BY sequence LIMIT ?3"

    static let activitiesOfSpace =
        "SELECT \(SQLiteRecords.activityColumns) FROM activities WHERE space_id = ?1 AND community_id = ?2 AND sequence > ?3 ORDER BY sequence LIMIT ?4"

    /// A directory search over `termCount` terms. Parameters: `?1` community, `?2` cursor, then
    /// for each term its lower and upper bound, then the limit. Each term is a range scan of the
    /// `member_tokens` primary key (`token >= term AND token < successor`); the terms' member
    /// sets are intersected, paged, and joined to `members` by primary key.
    static func directorySearch(termCount: Int) -> String {
        var arms: [String] = []
        for index in 0..<termCount {
            let lower = 3 + 2 * index
            arms.append(
                "SELECT member_id FROM member_tokens WHERE community_id = ?1 AND token >= ?\(lower) AND token < ?\(lower + 1) AND member_id > ?2")
        }
        let limit = 3 + 2 * termCount
        return """
            SELECT \(SQLiteRecords.memberColumns) FROM members
            WHERE id IN (\(arms.joined(separator: " INTERSECT ")) ORDER BY 1 LIMIT ?\(limit)) AND community_id = ?1
            ORDER BY id
            """
    }

    /// The least string greater than every string starting with `prefix` (its last scalar
    /// incremented), or `nil` when there is none. In SQLite's BINARY collation (`memcmp` of
    /// UTF-8, which is scalar order) the words with that prefix are exactly `[prefix, bound)`.
    static func prefixUpperBound(_ prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }  // skip the surrogate range
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
        }
        return nil
    }
}
