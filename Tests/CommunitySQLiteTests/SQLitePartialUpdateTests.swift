import CommunityCore
@testable import CommunitySQLite
import Foundation
import Testing

/// The partial UPDATE of a thread assigns exactly the changed columns, numbered after the key.
@Suite struct SQLitePartialUpdateTests {
    @Test func assignsOnlyTheChangedColumns() {
        let updates = PartialUpdateStatements(table: "threads", columns: "id, a, b, c")
        #expect(updates.sql(changed: [1, 3]) == "UPDATE threads SET a = ?2, c = ?3 WHERE id = ?1")
        #expect(updates.sql(changed: [2]) == "UPDATE threads SET b = ?2 WHERE id = ?1")
        // From the cache, the same text.
        #expect(updates.sql(changed: [1, 3]) == "UPDATE threads SET a = ?2, c = ?3 WHERE id = ?1")
        #expect(updates.sql(changed: [1, 2, 3]) == "UPDATE threads SET a = ?2, b = ?3, c = ?4 WHERE id = ?1")
        let names = SQLiteRecords.threadColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(names[SQLiteRecords.threadTitleColumn] == "title")
        #expect(names.count == SQLiteRecords.threadColumnCount)
    }
}
