/// A3's counts of the reactions members received (``RecentReactions/tally(members:hold:)``):
/// per recipient and day, and the distinct reactors per recipient and evaluation day.
struct ReactionTally: Sendable {
    /// Per member, the first of their `DayMask.span` day counters in ``counts`` divided by the
    /// span; −1 if they received no reaction that counts.
    let slots: [Int32]
    /// Reactions received per recipient and day offset, `DayMask.span` counters per recipient
    /// with a slot.
    let counts: [Int32]
    /// Distinct members who reacted to `m`'s posts within the window of day k:
    /// `distinctReactors[m * hold + k]`, `hold` being the tally's (``ChampionEvidence/hold``).
    let distinctReactors: [Int32]

    /// The reactions `m` received per day, summed over the trailing windows.
    func receivedSums(of m: Int, span: Int) -> RollingDaySum {
        RollingDaySum(counts, slot: m < slots.count ? slots[m] : -1, span: span)
    }
}
