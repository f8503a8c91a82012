import CPrefetch

/// Day sets keyed by a pair of dense indices (A3: the days on which a reactor reacted to a
/// recipient, and on which a member replied in a thread), in an open-addressing table with
/// linear probing and a multiplicative hash.
///
/// It replaces a `[Int: DayMask]` in the streaming pass: `Hasher` (SipHash) cost more per
/// reaction than the rest of the reaction's bookkeeping. Iteration order is the table's, so
/// callers only sum over it.
struct PairDayMasks: Sendable {
    /// A slot: its key, `(first + 1) << 32 | second` (0 = empty), and its day set, together so
    /// that an insert touches one cache line rather than one in each of two arrays.
    private struct Entry: Sendable {
        var key: UInt64 = 0
        var mask = DayMask()
    }

    private var entries: [Entry] = []
    /// Occupied slots.
    private(set) var count = 0
    /// log2 of the capacity (0 while empty).
    private var bits = 0

    /// Adds day `offset` to the set of the pair (`first`, `second`), both in `0..<2³¹`.
    mutating func insert(_ first: Int, _ second: Int, offset: Int) {
        if (count + 1) * 2 > entries.count { grow() }
        let key = UInt64(first + 1) << 32 | UInt64(UInt32(truncatingIfNeeded: second))
        let mask = entries.count - 1
        var slot = Self.slot(key, bits)
        while entries[slot].key != 0 && entries[slot].key != key { slot = (slot + 1) & mask }
        if entries[slot].key == 0 {
            entries[slot].key = key
            count += 1
        }
        entries[slot].mask.insert(offset)
    }

    /// Hints the cache to fetch the home slot of the pair (`first`, `second`).
    func prefetch(_ first: Int, _ second: Int) {
        guard bits > 0 else { return }
        let key = UInt64(first + 1) << 32 | UInt64(UInt32(truncatingIfNeeded: second))
        let slot = Self.slot(key, bits)
        entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, slot < buffer.count else { return }
            ck_prefetch_write(base + slot)
        }
    }

    /// Calls `body` with the first index of each pair and its day set.
    func forEach(_ body: (Int, DayMask) -> Void) {
        for entry in entries where entry.key != 0 {
            body(Int(entry.key >> 32) - 1, entry.mask)
        }
    }

    private static func slot(_ key: UInt64, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func grow() {
        let old = entries
        bits = max(bits + 1, 10)
        entries = [Entry](repeating: Entry(), count: 1 << bits)
        let mask = entries.count - 1
        for entry in old where entry.key != 0 {
            var slot = Self.slot(entry.key, bits)
            while entries[slot].key != 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}
