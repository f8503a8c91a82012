import CommunityCore
@testable import CommunitySQLite
import Foundation
import Testing

/// The partial UPDATE of a thread assigns exactly the changed columns, numbered after the key.
@Suite struct SQLitePartialUpdateTests {
    @Test func assignsOnlyTheChangedColumns() {
        #expect(SQLiteQueries.update("threads", columns: "id, a, b, c", changed: [1, 3]) == "UPDATE threads SET a = ?2, c = ?3 WHERE id = ?1")
        let names = SQLiteRecords.threadColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(names[SQLiteRecords.threadTitleColumn] == "title")
        #expect(names.count == SQLiteRecords.threadColumnCount)
    }
}
