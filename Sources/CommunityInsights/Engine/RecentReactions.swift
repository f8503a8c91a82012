/// A3's reactions received, logged as they stream by and tallied once at report time: each
/// reaction that can count (by a member who is no bot, to someone else's post of a thread,
/// within the `DayMask.span` days before E) is one entry (recipient, reactor, day offset).
///
/// The streaming pass only appends here, three sequential writes, where it used to update a
/// hash table of (recipient, reactor) pairs and a pool of per-recipient day counters at random
/// (a cache miss or two per reaction, and the table's growth). ``tally(members:hold:)`` groups
/// the entries by recipient with a counting sort and counts each group in caches that stay
/// small: the same counts, since they do not depend on the order of the reactions.
struct RecentReactions: Sendable {
    /// The entries: owner the author of the post reacted to, partner the member who reacted.
    private var log = DayPairLog()

    /// The number of reactions logged.
    var count: Int { log.count }

    /// Logs a reaction by `reactor` to a post of `recipient` on day `offset` before E. An offset
    /// outside `0..<DayMask.span` or a negative member is not logged (no window holds it).
    mutating func append(recipient: Int, reactor: Int, offset: Int) {
        log.append(owner: recipient, partner: reactor, offset: offset)
    }

    /// The counts A3 reads, for members `0..<members` and evaluation days `0..<hold`.
    ///
    /// Entries naming a member outside `0..<members` are ignored.
    func tally(members n: Int, hold: Int) -> ReactionTally {
        let groups = log.grouped(ownerCount: n)
        // Reactions per recipient and day, for the recipients with a slot.
        var slots = [Int32](repeating: -1, count: n)
        let recipientCount = (0..<n).lazy.filter { groups.hasEntries($0) }.count
        var counts = [Int32](repeating: 0, count: recipientCount * DayMask.span)
        var slot: Int32 = 0
        for m in 0..<n where groups.hasEntries(m) {
            slots[m] = slot
            let base = Int(slot) * DayMask.span
            slot += 1
            for i in groups.starts[m]..<groups.starts[m + 1] { counts[base + Int(groups.offsets[i])] += 1 }
        }
        let distinct = groups.distinctPartnersPerWindow(partnerCount: n, hold: hold)
        return ReactionTally(slots: slots, counts: counts, distinctReactors: distinct)
    }
}
