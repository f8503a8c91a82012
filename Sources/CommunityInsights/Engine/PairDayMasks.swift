/// Day sets keyed by a pair of dense indices (A3: the days on which a reactor reacted to a
/// recipient, and on which a member replied in a thread), in an open-addressing table with
/// linear probing and a multiplicative hash.
///
/// It replaces a `[Int: DayMask]` in the streaming pass: `Hasher` (SipHash) cost more per
/// reaction than the rest of the reaction's bookkeeping. Iteration order is the table's, so
/// callers only sum over it.
struct PairDayMasks: Sendable {
    /// `(first + 1) << 32 | second`, 0 = empty slot.
    private var keys: [UInt64] = []
    private var masks: [DayMask] = []
    /// Occupied slots.
    private(set) var count = 0
    /// log2 of the capacity (0 while empty).
    private var bits = 0

    /// Adds day `offset` to the set of the pair (`first`, `second`), both in `0..<2³¹`.
    mutating func insert(_ first: Int, _ second: Int, offset: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = UInt64(first + 1) << 32 | UInt64(UInt32(truncatingIfNeeded: second))
        let mask = keys.count - 1
        var slot = Self.slot(key, bits)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = key
            count += 1
        }
        masks[slot].insert(offset)
    }

    /// Calls `body` with the first index of each pair and its day set.
    func forEach(_ body: (Int, DayMask) -> Void) {
        for slot in keys.indices where keys[slot] != 0 {
            body(Int(keys[slot] >> 32) - 1, masks[slot])
        }
    }

    private static func slot(_ key: UInt64, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func grow() {
        let oldKeys = keys, oldMasks = masks
        bits = max(bits + 1, 10)
        keys = [UInt64](repeating: 0, count: 1 << bits)
        masks = [DayMask](repeating: DayMask(), count: 1 << bits)
        let mask = keys.count - 1
        for i in oldKeys.indices where oldKeys[i] != 0 {
            var slot = Self.slot(oldKeys[i], bits)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            masks[slot] = oldMasks[i]
        }
    }
}
