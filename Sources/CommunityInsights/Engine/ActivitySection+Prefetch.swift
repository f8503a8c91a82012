/// Cache prefetching for the activity section's row loop (see `EngineState+Prefetch.swift`):
/// a member's state is 128 bytes in an array of 25 MB at 200,000 members, a miss on nearly
/// every row unless its lines are asked for rows ahead. One stage since A3's reactions are only
/// logged (``RecentReactions``): no hash slot to fetch after the post's author. It is `mutating`
/// though it changes nothing, so that the row loop passes the section by reference (as
/// `EngineState.joined(_:line:)` explains).
extension ActivitySection {
    /// How many rows ahead a row's lines are asked for.
    static let farRows = 24

    /// The member's state (both lines, and a third when the element straddles one) and
    /// the post a reaction names (its author too, when the reaction is recent enough for A3).
    mutating func prefetchFar(
        _ kind: ActivityKind, t: Double, states: UnsafeMutableBufferPointer<ActivityMemberState>, member m: Int, object o: Int
    ) {
        states.prefetch(m)
        states.prefetch(m, offset: 64)
        states.prefetch(m, offset: MemoryLayout<ActivityMemberState>.stride - 1)
        if kind == .react {
            posts.prefetch(o)
            if evaluationDay - RFC3339.day(t) < DayMask.span { postAuthors.prefetch(o) }
        }
    }
}
