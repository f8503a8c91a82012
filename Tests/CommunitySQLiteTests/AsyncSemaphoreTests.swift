@testable import CommunitySQLite
import Synchronization
import Testing

@Suite struct AsyncSemaphoreTests {
    final class Occupancy: Sendable {
        let state = Mutex((inside: 0, maxInside: 0, done: 0))
    }

    @Test func neverAdmitsMoreThanItsCountAndServesEveryWaiter() async {
        let semaphore = AsyncSemaphore(count: 2)
        let occupancy = Occupancy()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    await semaphore.acquire()
                    occupancy.state.withLock {
                        $0.inside += 1
                        $0.maxInside = max($0.maxInside, $0.inside)
                    }
                    await Task.yield()
                    occupancy.state.withLock {
                        $0.inside -= 1
                        $0.done += 1
                    }
                    semaphore.release()
                }
            }
        }
        let result = occupancy.state.withLock { $0 }
        #expect(result.maxInside == 2 || result.maxInside == 1)
        #expect(result.done == 50)
    }
}
