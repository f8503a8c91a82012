/// The per-member state that the streaming pass touches on most rows, kept together (four cache
/// lines a member) instead of one array per field: with 200,000 members a row would
/// otherwise miss the cache once per field. Fields read only by the report or on rare rows stay
/// in `EngineState`'s own arrays.
struct MemberState: Sendable {
    // The vector fields first: declared in order, they would otherwise pad the struct to 272 bytes.
    /// §4 weights per SPICES letter (`SpicesLetter.allCases` order; lane 7 unused).
    var spices = SIMD8<Double>(repeating: 0)
    /// §3 cap: the UTC day and the count so far per activity type (view react rsvp attend reply
    /// thread); `Int32.min` = no day yet.
    var capDay = SIMD8<Int32>(repeating: .min)
    var capCount = SIMD8<UInt8>(repeating: 0)
    /// Join time (NaN until the member line).
    var join = Double.nan
    var lastSeen = -Double.infinity
    var lastActive = -Double.infinity
    var lastEngaged = -Double.infinity
    var firstView = Double.infinity
    var firstReactOrRSVP = Double.infinity
    /// §3 Love so far (decayed to the evaluation time, capped per type and day).
    var love = 0.0
    /// C1: bit i set = active on day `stickinessLastDay − i`, i < 59.
    var dayMask: UInt64 = 0
    var lastActiveDay = Int.min
    var lastEngagedDay = Int.min
    var viewsInWindow = 0
    /// Days (offset from the evaluation day) with a Reading 5 line, whatever the staff status.
    var presence = DayMask()
    /// Days with an activity of weight 1–3, 4–6 (Orbit levels L4, L3); 7–9 (L2) is set at report time.
    var weightLow = DayMask()
    var weightMid = DayMask()
    /// C3: bit 0/1/2 = active on day 1/7/30 after joining; bit 2+k = active in week k (1…12).
    var retentionBits: UInt32 = 0
    /// Tag weights: the member's block or list head (see `EngineState.tagStride`); −1 = none.
    var tagHead: Int32 = -1
    var joined = false
    var bot = false
    var staff = false
    var engagedInWindow = false
    var visitActiveInWindow = false
}
