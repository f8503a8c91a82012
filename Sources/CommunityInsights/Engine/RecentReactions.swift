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
    /// The author of the post reacted to, per entry.
    private(set) var recipients: [Int32] = []
    /// The member who reacted, per entry.
    private(set) var reactors: [Int32] = []
    /// The day offset before E (`0..<DayMask.span`), per entry.
    private(set) var offsets: [UInt8] = []

    /// The number of reactions logged.
    var count: Int { recipients.count }

    /// Logs a reaction by `reactor` to a post of `recipient` on day `offset` before E. An offset
    /// outside `0..<DayMask.span` or a negative member is not logged (no window holds it).
    mutating func append(recipient: Int, reactor: Int, offset: Int) {
        guard offset >= 0, offset < DayMask.span, recipient >= 0, reactor >= 0,
              let recipient = Int32(exactly: recipient), let reactor = Int32(exactly: reactor) else { return }
        recipients.append(recipient)
        reactors.append(reactor)
        offsets.append(UInt8(truncatingIfNeeded: offset))
    }

    /// The counts A3 reads, for members `0..<members` and evaluation days `0..<hold`.
    ///
    /// Entries naming a member outside `0..<members` are ignored.
    func tally(members n: Int, hold: Int) -> ReactionTally {
        // Group the entries by recipient (a stable counting sort).
        var starts = [Int](repeating: 0, count: n + 1)
        for r in recipients where Int(r) < n { starts[Int(r) + 1] += 1 }
        for m in 0..<n { starts[m + 1] += starts[m] }
        var groupedReactors = [Int32](repeating: 0, count: starts[n])
        var groupedOffsets = [UInt8](repeating: 0, count: starts[n])
        var next = starts
        for i in recipients.indices {
            let r = Int(recipients[i])
            guard r < n else { continue }
            groupedReactors[next[r]] = reactors[i]
            groupedOffsets[next[r]] = offsets[i]
            next[r] += 1
        }

        var slots = [Int32](repeating: -1, count: n)
        let recipientCount = (0..<n).lazy.filter { starts[$0 + 1] > starts[$0] }.count
        var counts = [Int32](repeating: 0, count: recipientCount * DayMask.span)
        var distinct = [Int32](repeating: 0, count: n * hold)
        // Per reactor, the windows of the current recipient's reactions; `seenBy` marks the
        // recipient a reactor's entry belongs to, `touched` lists them to visit and reset.
        var coverage = [WindowCoverage](repeating: WindowCoverage(), count: n)
        var seenBy = [Int32](repeating: -1, count: n)
        var touched: [Int] = []
        var slot: Int32 = 0
        for m in 0..<n where starts[m + 1] > starts[m] {
            slots[m] = slot
            let base = Int(slot) * DayMask.span
            slot += 1
            for i in starts[m]..<starts[m + 1] {
                let offset = Int(groupedOffsets[i])
                counts[base + offset] += 1
                let reactor = Int(groupedReactors[i])
                guard reactor < n else { continue }
                if seenBy[reactor] != Int32(m) {
                    seenBy[reactor] = Int32(m)
                    coverage[reactor] = WindowCoverage()
                    touched.append(reactor)
                }
                coverage[reactor].insert(offset, hold: hold)
            }
            for reactor in touched {
                coverage[reactor].forEachWindow(hold: hold) { k in distinct[m * hold + k] += 1 }
            }
            touched.removeAll(keepingCapacity: true)
        }
        return ReactionTally(slots: slots, counts: counts, distinctReactors: distinct)
    }
}
