import Foundation

/// Resolves wall-clock times to instants in one time zone, with RFC 5545 §3.3.5 semantics:
/// a time in a DST gap moves forward by the gap's length, an ambiguous time takes its first
/// (earlier) instance. Keeps the last offset span it used, so a forward-moving expansion pays
/// two comparisons per lookup. Without a zone (floating time) every wall-clock time reads as UTC.
struct ZoneResolver {
    private let table: ZoneOffsetTable?
    private var span = ZoneOffsetSpan.empty

    init(timeZone: TimeZone?) {
        table = timeZone.map { ZoneOffsetTable.table(for: $0) }
        if table == nil { span = ZoneOffsetSpan(start: Int.min, end: Int.max, offset: 0) }
    }

    /// Whether there is no zone.
    var isFloating: Bool { table == nil }

    /// The UTC offset in force at instant `t`.
    @inline(__always)
    mutating func offset(at t: Int) -> Int {
        if t >= span.start && t < span.end { return span.offset }
        guard let table else { return 0 }
        span = table.span(containing: t)
        return span.offset
    }

    /// The instant of wall-clock seconds `local`, and the offset in force at that instant.
    @inline(__always)
    mutating func resolve(local: Int) -> (instant: Int, offset: Int) {
        // Fast path: the cached span holds the candidate with a day to spare on both sides,
        // so no other offset can give another solution.
        let guess = local - span.offset
        if guess &- 86_400 >= span.start && guess &+ 86_400 < span.end || table == nil {
            return (guess, span.offset)
        }
        return resolveSlow(local: local)
    }

    private mutating func resolveSlow(local: Int) -> (instant: Int, offset: Int) {
        let before = offset(at: local - 86_400 - 14 * 3600)
        let after = offset(at: local + 86_400 + 14 * 3600)
        let first = local - before
        let second = local - after
        let firstValid = offset(at: first) == before
        let secondValid = offset(at: second) == after
        let instant: Int
        switch (firstValid, secondValid) {
        case (true, true): instant = min(first, second)
        case (true, false): instant = first
        case (false, true): instant = second
        case (false, false):
            // A gap: read the time with the offset before it, which lands after the gap.
            instant = first
        }
        // Leave the span of the result cached for the next, nearby, lookup.
        return (instant, offset(at: instant))
    }
}
