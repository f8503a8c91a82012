#if Postgres
import CommunityCore
import Synchronization

/// Adapts how many write transactions of one store run at once to the conflicts PostgreSQL
/// reports (additive increase, multiplicative decrease, as TCP's congestion window).
///
/// Under `SERIALIZABLE`, writers that touch the same rows (a thousand RSVPs to one event) make
/// all but one of them fail and start again, and each failed attempt spent a connection and CPU
/// for nothing. The gate starts at the pool size; each serialization failure or deadlock halves
/// the limit (down to one writer), each commit raises it by `1 / limit`. Unrelated writes keep
/// their full concurrency; a hot spot degrades to one writer at a time instead of a retry storm.
final class PostgresWriteGate: Sendable {
    private struct State {
        var limit: Double
        var active = 0
        var waiters = FIFOQueue<CheckedContinuation<Void, Never>>()
    }

    private let maximum: Double
    private let state: Mutex<State>

    /// A gate admitting at most `maximum` writers.
    init(maximum: Int) {
        self.maximum = Double(max(1, maximum))
        self.state = Mutex(State(limit: Double(max(1, maximum))))
    }

    /// The current limit (for tests and diagnostics).
    var limit: Double { state.withLock { $0.limit } }

    /// Waits for a writer's slot. Waiters are admitted in arrival order.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state -> Bool in
                if state.active < Int(state.limit), state.waiters.isEmpty {
                    state.active += 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    /// Frees a slot; `conflicted` tells whether the attempt ended in a serialization failure or deadlock.
    func release(conflicted: Bool) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.active -= 1
            state.limit = conflicted ? max(1, state.limit / 2) : min(maximum, state.limit + 1 / state.limit)
            var woken: [CheckedContinuation<Void, Never>] = []
            while state.active < Int(state.limit), let waiter = state.waiters.popFirst() {
                woken.append(waiter)
                state.active += 1
            }
            return woken
        }
        for continuation in woken { continuation.resume() }
    }
}
#endif
