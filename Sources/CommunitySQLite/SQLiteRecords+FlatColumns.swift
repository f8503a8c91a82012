import CommunityCore

/// Typed readers for the flat JSON columns that rows decode by the hundred (tags, mentions,
/// links, interests, reaction counts). Overloads of the generic ``SQLiteRecords/json(_:_:_:field:)``
/// that the compiler picks wherever the type is known: an empty value is recognized on the
/// column's bytes (no string, no cast, no cache), a flat one by ``FlatJSON``; anything else
/// goes to the generic decoder, so the results are the same.
extension SQLiteRecords {
    static func json(_ type: [String].Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> [String] {
        if row.holds(column, "[]") { return [] }
        let text = row.text(column)
        return try FlatJSON.strings(text) ?? decode(type, text, field: field)
    }

    static func json(_ type: [String: Int].Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> [String: Int] {
        if row.holds(column, "{}") { return [:] }
        let text = row.text(column)
        return try FlatJSON.counts(text) ?? decode(type, text, field: field)
    }

    static func json(_ type: [MemberID].Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> [MemberID] {
        if row.holds(column, "[]") { return [] }
        let text = row.text(column)
        if let strings = FlatJSON.strings(text) {
            let ids = strings.compactMap(MemberID.init)
            if ids.count == strings.count { return ids }
        }
        return try decode(type, text, field: field)
    }
}
