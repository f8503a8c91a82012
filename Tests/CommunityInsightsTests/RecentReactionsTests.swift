@testable import CommunityInsights
import CommunityTesting
import Testing

/// `RecentReactions.tally` counts what A3 defines, whatever the order of the log: per recipient
/// and day, the reactions received; per recipient and evaluation day k, the distinct reactors
/// with a reaction in the window `[k, k + 100)`. Checked against the definition on random logs.
@Suite struct RecentReactionsTests {
    @Test(arguments: [1, 2, 14, 28])
    func tallyMatchesTheDefinition(hold: Int) {
        var random = SplitMix64(seed: UInt64(100 + hold))
        for _ in 0..<200 {
            let n = 1 + Int(random.next() % 12)
            var log = RecentReactions()
            var entries: [(recipient: Int, reactor: Int, offset: Int)] = []
            for _ in 0..<Int(random.next() % 60) {
                let recipient = Int(random.next() % UInt64(n)), reactor = Int(random.next() % UInt64(n))
                // Mostly near the window edges, some outside the span (not logged).
                let picks = [0, hold - 1, hold, 98, 99, 100, 126, 127, 128, -1]
                let offset = random.next() % 2 == 0
                    ? picks[Int(random.next() % UInt64(picks.count))] : Int(random.next() % 140) - 5
                log.append(recipient: recipient, reactor: reactor, offset: offset)
                if offset >= 0, offset < DayMask.span { entries.append((recipient, reactor, offset)) }
            }
            #expect(log.count == entries.count)
            let tally = log.tally(members: n, hold: hold)
            for m in 0..<n {
                let received = entries.filter { $0.recipient == m }
                #expect((tally.slots[m] >= 0) == !received.isEmpty)
                for k in 0..<hold {
                    let window = k..<(k + WindowCoverage.span)
                    let distinct = Set(received.filter { window.contains($0.offset) }.map(\.reactor)).count
                    #expect(Int(tally.distinctReactors[m * hold + k]) == distinct, "member \(m) day \(k)")
                    var sums = tally.receivedSums(of: m, span: WindowCoverage.span)
                    #expect(sums.sum(at: k) == received.filter { window.contains($0.offset) }.count)
                }
                guard tally.slots[m] >= 0 else { continue }
                let base = Int(tally.slots[m]) * DayMask.span
                for offset in 0..<DayMask.span {
                    #expect(Int(tally.counts[base + offset]) == received.filter { $0.offset == offset }.count)
                }
            }
        }
    }

    @Test func emptyLogTalliesNothing() {
        let tally = RecentReactions().tally(members: 3, hold: 14)
        #expect(tally.slots == [-1, -1, -1])
        #expect(tally.counts.isEmpty)
        #expect(tally.distinctReactors == [Int32](repeating: 0, count: 3 * 14))
        var sums = tally.receivedSums(of: 2, span: WindowCoverage.span)
        #expect(sums.sum(at: 0) == 0 && sums.spanTotal == 0)
    }

    @Test func membersOutsideTheTallyAreIgnored() {
        var log = RecentReactions()
        log.append(recipient: 5, reactor: 0, offset: 3)
        log.append(recipient: 0, reactor: 5, offset: 3)
        log.append(recipient: 0, reactor: 1, offset: 3)
        log.append(recipient: -1, reactor: 1, offset: 3)
        #expect(log.count == 3)
        let tally = log.tally(members: 2, hold: 1)
        // Recipient 0's two reactions count; reactor 5 is outside and is not a distinct reactor.
        #expect(tally.counts[Int(tally.slots[0]) * DayMask.span + 3] == 2)
        #expect(tally.distinctReactors == [1, 0])
    }
}
