import CommunityTesting
import Foundation
import Synchronization
import Testing

final class WakeLog: Sendable {
    private let entries = Mutex<[Int]>([])
    func append(_ value: Int) { entries.withLock { $0.append(value) } }
    var values: [Int] { entries.withLock { $0 } }
}

@Suite struct ManualClockTests {
    @Test func sleepersWakeInDeadlineOrderOnlyWhenReached() async throws {
        let clock = ManualClock()
        let woken = WakeLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, offset) in [30.0, 10, 20].enumerated() {
                group.addTask {
                    try await clock.sleep(until: clock.now.addingTimeInterval(offset))
                    woken.append(index)
                }
            }
            await clock.waitForSleepers(3)
            clock.advance(by: 15)
            while woken.values.isEmpty { await Task.yield() }
            #expect(woken.values == [1])
            #expect(clock.sleeperCount == 2)
            clock.advance(by: 100)
            try await group.waitForAll()
        }
        #expect(woken.values.count == 3)
        #expect(clock.now == ManualClock.epoch.addingTimeInterval(115))
    }

    @Test func sleepingUntilThePastReturnsAtOnce() async throws {
        let clock = ManualClock()
        try await clock.sleep(until: clock.now)
        try await clock.sleep(until: clock.now.addingTimeInterval(-60))
        #expect(clock.sleeperCount == 0)
    }

    @Test func cancellationEndsASleep() async throws {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(until: clock.now.addingTimeInterval(3600)) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func setMovesTimeEitherWay() {
        let clock = ManualClock()
        clock.set(to: ManualClock.epoch.addingTimeInterval(-10))
        #expect(clock.now == ManualClock.epoch.addingTimeInterval(-10))
        clock.advance(by: .seconds(70))
        #expect(clock.now == ManualClock.epoch.addingTimeInterval(60))
    }
}
