/// Cache prefetching for the activity section's row loop (see `EngineState+Prefetch.swift`):
/// a member's state is 128 bytes in an array of 25 MB at 200,000 members, a miss on nearly
/// every row unless its lines are asked for rows ahead. One stage since A3's reactions are only
/// logged (``RecentReactions``): no hash slot to fetch after the post's author. It is `mutating`
/// though it changes nothing, so that the row loop passes the section by reference (as
/// `EngineState.joined(_:line:)` explains).
extension ActivitySection {
    /// How many rows ahead a row's lines are asked for.
    static let farRows = 24

    /// The bytes of a member's state that every row reads: the fields before `lastEngaged`
    /// (96 bytes); the rest only engaged rows and attendances read (``ActivityMemberState``).
    static let leadingStateBytes = MemoryLayout<ActivityMemberState>.offset(of: \.lastEngaged)
        ?? MemoryLayout<ActivityMemberState>.stride

    /// The member's state (the lines of the bytes the row reads: a 128-byte element is rarely
    /// 64-byte aligned, so its leading 96 bytes span two lines or three, and the whole element
    /// three) and the post a reaction names (its author too, when the reaction is recent enough
    /// for A3).
    mutating func prefetchFar(
        _ kind: ActivityKind, t: Double, states: UnsafeMutableBufferPointer<ActivityMemberState>, member m: Int, object o: Int
    ) {
        let readsTail = kind == .thread || kind == .reply || kind == .react || kind == .attend
        states.prefetch(m)
        states.prefetch(m, offset: 64)
        states.prefetch(m, offset: (readsTail ? MemoryLayout<ActivityMemberState>.stride : Self.leadingStateBytes) - 1)
        if kind == .react {
            posts.prefetch(o)
            if evaluationDay - RFC3339.day(t) < DayMask.span { postAuthors.prefetch(o) }
        }
    }
}
