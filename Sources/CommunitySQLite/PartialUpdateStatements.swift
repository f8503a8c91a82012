import Foundation
import Synchronization

/// The `UPDATE` statements that assign only some columns of a table, built once per set of
/// columns and cached: a reply updates its thread on every write, and building the SQL (splitting
/// and trimming the column list) cost more than SQLite spent running it.
final class PartialUpdateStatements: Sendable {
    private let table: String
    private let names: [String]
    private let cache = Mutex<[UInt64: String]>([:])
    /// Enough for every combination a store meets in practice; beyond it the SQL is built each time.
    private static let capacity = 256

    /// - Parameter columns: The table's column list; the first is the key the statements match on.
    init(table: String, columns: String) {
        precondition(columns.split(separator: ",").count <= 64, "a partial update names at most 64 columns")
        self.table = table
        names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// `UPDATE table SET b = ?2, d = ?3 WHERE a = ?1`: only the columns at `changed` (offsets in
    /// the column list, in increasing order, never 0, the key).
    func sql(changed: [Int]) -> String {
        let mask = changed.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        if let cached = cache.withLock({ $0[mask] }) { return cached }
        let assignments = changed.enumerated().map { "\(names[$0.element]) = ?\($0.offset + 2)" }.joined(separator: ", ")
        let sql = "UPDATE \(table) SET \(assignments) WHERE \(names[0]) = ?1"
        cache.withLock { cache in
            if cache.count < Self.capacity { cache[mask] = sql }
        }
        return sql
    }
}
