import CommunityCore

/// Typed readers for the flat JSON columns that rows decode by the hundred (tags, mentions,
/// links, interests, reaction counts). Overloads of the generic ``SQLiteRecords/json(_:_:_:field:)``
/// that the compiler picks wherever the type is known: an empty value is recognized on the
/// column's bytes (no string, no cast, no cache), a flat one by ``FlatJSON``; anything else
/// goes to the generic decoder, so the results are the same.
extension SQLiteRecords {
    static func json(_ type: [String].Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> [String] {
        if row.holds(column, "[]") { return [] }
        if let strings = row.withText(column, FlatJSON.strings(bytes:)) { return strings }
        return try decode(type, row.text(column), field: field)
    }

    static func json(_ type: [String: Int].Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> [String: Int] {
        if row.holds(column, "{}") { return [:] }
        if let counts = row.withText(column, FlatJSON.counts(bytes:)) { return counts }
        return try decode(type, row.text(column), field: field)
    }

    static func json(_ type: [MemberID].Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> [MemberID] {
        if row.holds(column, "[]") { return [] }
        if let strings = row.withText(column, FlatJSON.strings(bytes:)) {
            let ids = strings.compactMap(MemberID.init)
            if ids.count == strings.count { return ids }
        }
        return try decode(type, row.text(column), field: field)
    }
}
