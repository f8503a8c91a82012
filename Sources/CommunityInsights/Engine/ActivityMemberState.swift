/// The per-member state of ``ActivitySection``: Reading 5 activity, §3 Love and the Orbit
/// weight masks, kept apart from ``MemberState`` so that each section's rows touch a member
/// array of their own (and the two sections can stream on two cores). 128 bytes, the fields a
/// view touches first (96 bytes), those of engaged rows only last.
struct ActivityMemberState: Sendable {
    /// Join time (NaN until the member line).
    var join = Double.nan
    var lastSeen = -Double.infinity
    var lastActive = -Double.infinity
    /// §3 Love so far (decayed to the evaluation time, capped per type and day).
    var love = 0.0
    /// C1: bit i set = active on day `stickinessLastDay − i`, i < 59.
    var dayMask: UInt64 = 0
    /// Days (offset from the evaluation day) with a Reading 5 line, whatever the staff status.
    var presence = DayMask()
    /// §3 cap: the count so far per activity type (view react rsvp attend reply thread) on
    /// `capDay`, the UTC day of the member's last counted activity (`Int32.min` = none yet).
    var capCount = SIMD8<UInt8>(repeating: 0)
    /// Days with an activity of weight 1–3 (Orbit level L4).
    var weightLow = DayMask()
    var capDay = Int32.min
    var lastActiveDay = Int32.min
    /// C3: bit 0/1/2 = active on day 1/7/30 after joining; bit 2+k = active in week k (1…12).
    var retentionBits: UInt32 = 0
    var bot = false
    var staff = false
    var engagedInWindow = false
    var visitActiveInWindow = false
    var lastEngaged = -Double.infinity
    /// Days with an activity of weight 4–6 (L3); 7–9 (L2) is set at report time.
    var weightMid = DayMask()
    var lastEngagedDay = Int32.min
}
