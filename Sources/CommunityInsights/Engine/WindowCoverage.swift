/// Which of A3's evaluation days k (`0 ≤ k < hold`, `hold` ≤ 28) have a day of a set of day
/// offsets in their window `[k, k + 100)`, kept as three facts instead of the set itself (a
/// ``DayMask``): 3 bytes instead of 16, so that A3's pair tables (one entry per recipient and
/// reactor, and per member and thread replied in) are a third smaller.
///
/// A day in `[hold − 1, 99]` lies in every window; a day `d` before `hold − 1` lies in the
/// windows of `k ≤ d` (the latest such day decides); a day `d` from 100 on lies in the windows of
/// `k ≥ d − 99` (the earliest such day decides). Offsets outside `0..<DayMask.span` are ignored,
/// as ``DayMask`` ignores them.
struct WindowCoverage: Sendable {
    /// The window length of A3, in days.
    static let span = 100

    private var everyWindow = false
    /// The latest day before `hold − 1`; −1 if none.
    private var latestEarly: Int8 = -1
    /// The earliest day from 100 on; `Int8.max` if none.
    private var earliestLate: Int8 = .max

    /// Adds day `offset` for evaluation days `0..<hold` (`hold` in 1…28).
    mutating func insert(_ offset: Int, hold: Int) {
        guard offset >= 0, offset < DayMask.span else { return }
        if offset >= Self.span {
            earliestLate = min(earliestLate, Int8(offset))
        } else if offset >= hold - 1 {
            everyWindow = true
        } else {
            latestEarly = max(latestEarly, Int8(offset))
        }
    }

    /// Calls `body` with each `k` in `0..<hold` whose window holds a day of the set, in order.
    func forEachWindow(hold: Int, _ body: (Int) -> Void) {
        for k in 0..<hold where everyWindow || k <= Int(latestEarly) || k >= Int(earliestLate) - (Self.span - 1) {
            body(k)
        }
    }
}
