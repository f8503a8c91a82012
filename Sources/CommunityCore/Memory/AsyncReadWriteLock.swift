import Synchronization

/// A fair, FIFO, asynchronous read-write lock: many readers or one writer, held across `await`s.
///
/// An actor alone cannot serialize `async` transaction bodies (it re-enters at every `await`);
/// this lock is held for the whole body. Waiters are served in arrival order; a run of waiting
/// readers is admitted together. Waiting is not cancellable: a lock is always released promptly.
final class AsyncReadWriteLock: Sendable {
    private enum Waiter {
        case reader(CheckedContinuation<Void, Never>)
        case writer(CheckedContinuation<Void, Never>)
    }

    private struct State {
        var readers = 0
        var writer = false
        var waiters = FIFOQueue<Waiter>()

        var hasWaiters: Bool { !waiters.isEmpty }
    }

    private let state = Mutex(State())

    /// Suspends until the caller may read.
    func lockRead() async {
        let acquired = state.withLock { state -> Bool in
            guard !state.writer && !state.hasWaiters else { return false }
            state.readers += 1
            return true
        }
        if acquired { return }
        await withCheckedContinuation { continuation in
            let acquiredNow = state.withLock { state -> Bool in
                if !state.writer && !state.hasWaiters {
                    state.readers += 1
                    return true
                }
                state.waiters.append(.reader(continuation))
                return false
            }
            if acquiredNow { continuation.resume() }
        }
    }

    /// Suspends until the caller may write (alone).
    func lockWrite() async {
        let acquired = state.withLock { state -> Bool in
            guard !state.writer && state.readers == 0 && !state.hasWaiters else { return false }
            state.writer = true
            return true
        }
        if acquired { return }
        await withCheckedContinuation { continuation in
            let acquiredNow = state.withLock { state -> Bool in
                if !state.writer && state.readers == 0 && !state.hasWaiters {
                    state.writer = true
                    return true
                }
                state.waiters.append(.writer(continuation))
                return false
            }
            if acquiredNow { continuation.resume() }
        }
    }

    /// Releases a read lock.
    func unlockRead() {
        let toResume = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.readers -= 1
            return Self.admit(&state)
        }
        for continuation in toResume { continuation.resume() }
    }

    /// Releases the write lock.
    func unlockWrite() {
        let toResume = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.writer = false
            return Self.admit(&state)
        }
        for continuation in toResume { continuation.resume() }
    }

    /// Admits waiters in FIFO order: one writer, or every reader up to the next writer.
    private static func admit(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        guard !state.writer, state.hasWaiters else { return [] }
        var admitted: [CheckedContinuation<Void, Never>] = []
        while let next = state.waiters.first {
            switch next {
            case .writer(let continuation):
                guard state.readers == 0 && admitted.isEmpty else { return admitted }
                _ = state.waiters.popFirst()
                state.writer = true
                return [continuation]
            case .reader(let continuation):
                _ = state.waiters.popFirst()
                state.readers += 1
                admitted.append(continuation)
            }
        }
        return admitted
    }
}
