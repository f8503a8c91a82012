import CommunityCore
import Synchronization

/// A fair (FIFO) counting semaphore for async code: `acquire()` suspends the task, not a thread.
///
/// The store holds the writer's semaphore (count 1) for a write transaction's whole `async` body,
/// and the readers' one (count = pool size) for a read transaction's. Waiting is not
/// cancellable: a holder always releases promptly, when its body returns.
final class AsyncSemaphore: Sendable {
    private struct State {
        var available: Int
        var waiters = FIFOQueue<CheckedContinuation<Void, Never>>()
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(available: count))
    }

    /// Suspends until a unit is available, then takes it.
    func acquire() async {
        let acquired = state.withLock { state -> Bool in
            guard state.available > 0, state.waiters.isEmpty else { return false }
            state.available -= 1
            return true
        }
        if acquired { return }
        await withCheckedContinuation { continuation in
            let acquiredNow = state.withLock { state -> Bool in
                if state.available > 0 && state.waiters.isEmpty {
                    state.available -= 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if acquiredNow { continuation.resume() }
        }
    }

    /// Gives a unit back, handing it directly to the longest waiter if there is one.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiters.popFirst() { return waiter }
            state.available += 1
            return nil
        }
        waiter?.resume()
    }
}
