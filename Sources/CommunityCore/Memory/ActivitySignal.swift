import Synchronization

/// Wakes tasks waiting for activities newer than a sequence. Used by stores to implement
/// ``CommunityStore/waitForActivity(after:timeout:)``.
package final class ActivitySignal: Sendable {
    private struct State {
        var last: Int64 = 0
        var nextToken: UInt64 = 0
        var waiters: [UInt64: (after: Int64, continuation: CheckedContinuation<Void, Never>)] = [:]
    }

    private let state = Mutex(State())

    package init() {}

    /// Records that the log now reaches `sequence` and wakes the waiters it satisfies.
    package func publish(_ sequence: Int64) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard sequence > state.last else { return [] }
            state.last = sequence
            var woken: [CheckedContinuation<Void, Never>] = []
            for (token, waiter) in state.waiters where waiter.after < sequence {
                woken.append(waiter.continuation)
                state.waiters[token] = nil
            }
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    /// Waits until an activity after `sequence` is published, `timeout` passes, or the task is cancelled.
    package func wait(after sequence: Int64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitUntilPublished(after: sequence) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitUntilPublished(after sequence: Int64) async {
        let token = state.withLock { state -> UInt64 in
            state.nextToken += 1
            return state.nextToken
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Bool in
                    if state.last > sequence || Task.isCancelled { return true }
                    state.waiters[token] = (sequence, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: token) }
            waiter?.continuation.resume()
        }
    }
}
