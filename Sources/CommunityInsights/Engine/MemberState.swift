/// The per-member state that the main section of the streaming pass touches on most rows, in
/// 16 bytes: with 200,000 members the whole array (3.2 MB) stays in the last-level cache, where
/// a record with the SPICES weights and times (112 bytes, 22 MB) missed it about once per row.
/// SPICES weights are in ``MemberSpices``; join and first-activity times, read on a member's
/// first such row or at report time, in `EngineState`'s own arrays (`memberJoin`,
/// `memberFirstView`, `memberFirstReactOrRSVP`). Activity, Love and the Orbit masks live in
/// ``ActivityMemberState`` (the other section's).
struct MemberState: Sendable {
    /// Views inside the window by the member while neither staff nor a bot (saturates at
    /// `Int32.max`, which no table reaches: its rows are counted in `Int32`).
    var viewsInWindow: Int32 = 0
    /// Tag weights: the member's block or list head (see `EngineState.tagStride`); −1 = none.
    var tagHead: Int32 = -1
    var joined = false
    var bot = false
    var staff = false
    /// Whether `EngineState.memberFirstView` holds the member's first view.
    var viewed = false
    /// Whether `EngineState.memberFirstReactOrRSVP` holds the member's first reaction or RSVP.
    var reactedOrRSVPed = false
}
