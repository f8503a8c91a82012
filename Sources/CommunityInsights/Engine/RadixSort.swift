/// Least-significant-digit radix sorts for the report's large sorts (200,000 members, 250,000
/// first responses at 10 M activities): eight stable counting passes over 8-bit digits of a
/// 64-bit key, a pass skipped when every key has the same digit, where a comparison sort called
/// its comparator some 3.5 M times. The results equal the comparison sorts' they replace.
enum RadixSort {
    /// Sorts `values` ascending, as `sort()` does. For non-negative values (sign bit clear, not
    /// NaN) the bit patterns order as the values do, so those are sorted; otherwise `sort()`.
    static func sortAscending(_ values: inout [Double]) {
        guard values.count > 64, values.allSatisfy({ $0.sign == .plus && !$0.isNaN }) else {
            values.sort()
            return
        }
        var keys = values.map(\.bitPattern)
        sort(&keys)
        values = keys.map(Double.init(bitPattern:))
    }

    /// Sorts `keys` ascending.
    static func sort(_ keys: inout [UInt64]) {
        var scratch = [UInt64](repeating: 0, count: keys.count)
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            guard let counts = counts(keys, shift: shift) else { continue }
            var next = startingOffsets(counts)
            for key in keys {
                let digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
                scratch[next[digit]] = key
                next[digit] += 1
            }
            swap(&keys, &scratch)
        }
    }

    /// The positions `0..<keys.count` in ascending order of their keys; equal keys keep their
    /// positions' order (stable).
    static func order(byKeys keys: [UInt64]) -> [Int] {
        var entries = keys.indices.map { Entry(key: keys[$0], position: Int32(truncatingIfNeeded: $0)) }
        var scratch = entries
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            // The digit counts do not depend on the order, so the unsorted keys give them.
            guard let counts = counts(keys, shift: shift) else { continue }
            var next = startingOffsets(counts)
            for entry in entries {
                let digit = Int(truncatingIfNeeded: entry.key >> shift) & 0xFF
                scratch[next[digit]] = entry
                next[digit] += 1
            }
            swap(&entries, &scratch)
        }
        return entries.map { Int($0.position) }
    }

    private struct Entry {
        var key: UInt64
        var position: Int32
    }

    /// The count of each value of the digit at `shift`, or `nil` when every key has the same
    /// one (the pass would change nothing). The digit counts do not depend on the keys' order.
    private static func counts(_ keys: [UInt64], shift: UInt64) -> [Int]? {
        var counts = [Int](repeating: 0, count: 256)
        for key in keys { counts[Int(truncatingIfNeeded: key >> shift) & 0xFF] += 1 }
        return counts.contains(keys.count) ? nil : counts
    }

    private static func startingOffsets(_ counts: [Int]) -> [Int] {
        var offsets = [Int](repeating: 0, count: 256)
        var total = 0
        for digit in 0..<256 {
            offsets[digit] = total
            total += counts[digit]
        }
        return offsets
    }
}
