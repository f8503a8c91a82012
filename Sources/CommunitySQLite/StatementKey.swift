/// The statement cache's key: the SQL text, compared in full, but hashed on its length and a
/// few of its bytes. SQL texts are long and hashed on every statement run; String's own hash
/// reads every byte (and checks normalization), while equality of the very same string is
/// immediate. Texts that collide on the sampled bytes are still told apart by equality.
struct StatementKey: Hashable {
    let sql: String

    init(_ sql: String) { self.sql = sql }

    static func == (lhs: StatementKey, rhs: StatementKey) -> Bool { lhs.sql == rhs.sql }

    func hash(into hasher: inout Hasher) {
        // Statements of one shape differ anywhere (the table, the WHERE clause): sample the whole text.
        let sample = sql.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            let step = Swift.max(1, bytes.count / 24)
            var sample = UInt64(bytes.count)
            for index in stride(from: 0, to: bytes.count, by: step) { sample = sample &* 31 &+ UInt64(bytes[index]) }
            return sample
        }
        hasher.combine(sample ?? UInt64(sql.utf8.count))
    }
}
