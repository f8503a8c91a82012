public import CommunityCore
public import Foundation
import Synchronization

/// A clock that moves only when a test says so, making every time-based behaviour instant
/// and deterministic.
///
/// `sleep(until:)` suspends until ``advance(by:)`` or ``set(to:)`` reaches the deadline; sleepers
/// are woken in deadline order (ties in the order they went to sleep). ``waitForSleepers(_:)``
/// lets a test wait until the code under test is asleep — no polling, no yield loops.
///
/// ```swift
/// let clock = ManualClock(now: ManualClock.epoch)
/// let runner = Task { try await clock.sleep(until: clock.now.addingTimeInterval(3600)) }
/// await clock.waitForSleepers(1)
/// clock.advance(by: 3600)   // the runner wakes
/// ```
public final class ManualClock: CommunityClock, Sendable {
    /// 2026-01-01T00:00:00Z, the default starting instant.
    public static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    private struct Sleeper {
        var deadline: Date
        var order: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var nextOrder: UInt64 = 0
        var sleepers: [UInt64: Sleeper] = [:]
        var countWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>

    /// Creates a clock standing at `now`.
    public init(now: Date = ManualClock.epoch) {
        state = Mutex(State(now: now))
    }

    /// The clock's current instant.
    public var now: Date { state.withLock { $0.now } }

    /// How many tasks are asleep on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Suspends until the clock reaches `deadline`.
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Date) async throws {
        let order = state.withLock { state -> UInt64? in
            guard deadline > state.now else { return nil }
            state.nextOrder += 1
            return state.nextOrder
        }
        guard let order else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (registered, ready) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                    if Task.isCancelled { return (false, []) }
                    if deadline <= state.now {
                        return (false, [])
                    }
                    state.sleepers[order] = Sleeper(deadline: deadline, order: order, continuation: continuation)
                    return (true, Self.satisfiedCountWaiters(&state))
                }
                ready.forEach { $0.resume() }
                if !registered {
                    if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: order) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward by `seconds`, waking every sleeper whose deadline is reached.
    public func advance(by seconds: TimeInterval) {
        set(to: now.addingTimeInterval(max(0, seconds)))
    }

    /// Moves the clock forward by a `Duration`.
    public func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        advance(by: TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }

    /// Sets the clock to `date` (backwards too) and wakes, in deadline order, every sleeper
    /// whose deadline is now reached.
    public func set(to date: Date) {
        let woken = state.withLock { state -> [Sleeper] in
            state.now = date
            let due = state.sleepers.values.filter { $0.deadline <= date }.sorted { ($0.deadline, $0.order) < ($1.deadline, $1.order) }
            for sleeper in due { state.sleepers[sleeper.order] = nil }
            return due
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }

    /// Suspends until at least `count` tasks are asleep on this clock.
    public func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.countWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// The deadline of the earliest sleeper, if any.
    public var nextDeadline: Date? {
        state.withLock { $0.sleepers.values.map(\.deadline).min() }
    }

    private static func satisfiedCountWaiters(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        let count = state.sleepers.count
        var ready: [CheckedContinuation<Void, Never>] = []
        state.countWaiters.removeAll { waiter in
            guard waiter.count <= count else { return false }
            ready.append(waiter.continuation)
            return true
        }
        return ready
    }
}
