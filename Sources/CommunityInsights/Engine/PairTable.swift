/// Values keyed by a pair of dense indices, in an open-addressing table with linear probing and
/// a multiplicative hash: the C11 (member, event) flags.
///
/// It replaces dictionaries and sets keyed by pairs in the streaming pass: `Hasher` (SipHash)
/// cost more per reaction or RSVP than the rest of its bookkeeping. Iteration order is the
/// table's (it depends on the capacity), so callers only count or sum over it.
struct PairTable<Value: Sendable>: Sendable {
    /// A slot: its key, `(first + 1) << 32 | second` (0 = empty), and its value, together so that
    /// an update touches one cache line rather than one in each of two arrays.
    private struct Entry: Sendable {
        var key: UInt64
        var value: Value
    }

    /// The value of a pair before its first update.
    private let empty: Value
    private var entries: [Entry] = []
    /// Occupied slots.
    private(set) var count = 0
    /// log2 of the capacity (0 while empty).
    private var bits = 0

    /// An empty table whose pairs start at `empty`.
    init(empty: Value) {
        self.empty = empty
    }

    /// Updates the value of the pair (`first`, `second`), both in `0..<2³¹`, creating it first.
    mutating func update(_ first: Int, _ second: Int, _ body: (inout Value) -> Void) {
        if (count + 1) * 2 > entries.count { resize(bits: max(bits + 1, 10)) }
        let key = Self.key(first, second)
        let mask = entries.count - 1
        var slot = Self.slot(key, bits)
        while entries[slot].key != 0 && entries[slot].key != key { slot = (slot + 1) & mask }
        if entries[slot].key == 0 {
            entries[slot].key = key
            count += 1
        }
        body(&entries[slot].value)
    }

    /// Hints the cache to fetch the home slot of the pair (`first`, `second`).
    func prefetch(_ first: Int, _ second: Int) {
        guard bits > 0 else { return }
        entries.prefetch(Self.slot(Self.key(first, second), bits))
    }

    /// Calls `body` with the first index of each pair and its value.
    func forEach(_ body: (Int, Value) -> Void) {
        for entry in entries where entry.key != 0 {
            body(Int(entry.key >> 32) - 1, entry.value)
        }
    }

    private static func key(_ first: Int, _ second: Int) -> UInt64 {
        UInt64(first + 1) << 32 | UInt64(UInt32(truncatingIfNeeded: second))
    }

    private static func slot(_ key: UInt64, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func resize(bits newBits: Int) {
        let old = entries
        bits = newBits
        entries = [Entry](repeating: Entry(key: 0, value: empty), count: 1 << bits)
        let mask = entries.count - 1
        for entry in old where entry.key != 0 {
            var slot = Self.slot(entry.key, bits)
            while entries[slot].key != 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}
