/// The reactions a member received in the trailing windows `[k, k + span)` (day offsets before
/// E, clamped to the 128-day span) for increasing `k`: each step adds one day and drops one,
/// instead of summing the whole window on each of the 14 evaluation days (integer sums: the
/// counts are the same).
struct RollingDaySum {
    private let counts: [Int32]
    /// The member's first counter in `counts`, −1 if they received none.
    private let base: Int
    private let span: Int
    private var k = 0
    private var total = 0

    /// - Parameters:
    ///   - counts: ``ReactionTally/counts``, `DayMask.span` counters per recipient.
    ///   - slot: The member's entry of ``ReactionTally/slots`` (−1 = none).
    init(_ counts: [Int32], slot: Int32, span: Int) {
        self.counts = counts
        let slot = Int(slot)
        base = slot >= 0 ? slot * DayMask.span : -1
        self.span = span
        if base >= 0 {
            for offset in 0..<min(span, DayMask.span) { total += Int(counts[base + offset]) }
        }
    }

    /// The sum over all `DayMask.span` days: a bound of every window's sum.
    var spanTotal: Int {
        guard base >= 0 else { return 0 }
        var sum = 0
        for offset in 0..<DayMask.span { sum += Int(counts[base + offset]) }
        return sum
    }

    /// The sum over `[k, k + span)`; `k` must not decrease between calls.
    mutating func sum(at target: Int) -> Int {
        guard base >= 0 else { return 0 }
        while k < target {
            if k < DayMask.span { total -= Int(counts[base + k]) }
            if k + span < DayMask.span { total += Int(counts[base + k + span]) }
            k += 1
        }
        return total
    }
}
