/// The per-member state that the main section of the streaming pass touches on most rows, kept
/// together (two cache lines a member) instead of one array per field: with 200,000 members a
/// row would otherwise miss the cache once per field. Activity, Love and the Orbit masks live
/// in ``ActivityMemberState`` (the other section's); fields read only by the report or on rare
/// rows stay in `EngineState`'s own arrays.
struct MemberState: Sendable {
    /// §4 weights per SPICES letter (`SpicesLetter.allCases` order; lane 7 unused).
    var spices = SIMD8<Double>(repeating: 0)
    /// Join time (NaN until the member line).
    var join = Double.nan
    var firstView = Double.infinity
    var firstReactOrRSVP = Double.infinity
    var viewsInWindow = 0
    /// Tag weights: the member's block or list head (see `EngineState.tagStride`); −1 = none.
    var tagHead: Int32 = -1
    var joined = false
    var bot = false
    var staff = false
}
