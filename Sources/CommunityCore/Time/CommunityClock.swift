public import Foundation

/// The source of time for every engine. No CommunityKit code reads the system clock directly.
///
/// Use ``SystemClock`` in production and CommunityTesting's `ManualClock` in tests, where time
/// moves only when the test says so and every time-based behaviour runs instantly.
public protocol CommunityClock: Sendable {
    /// The current instant.
    var now: Date { get }

    /// Suspends until the clock reaches `deadline` (returns at once if it already has).
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    func sleep(until deadline: Date) async throws
}

/// The wall clock of the machine.
public struct SystemClock: CommunityClock {
    /// Creates the system clock.
    public init() {}

    /// `Date()`.
    public var now: Date { Date() }

    /// Sleeps on the continuous clock until `deadline`.
    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 {
            try await Task.sleep(for: .milliseconds(Int64((interval * 1000).rounded(.up))))
        }
    }
}

extension CommunityClock where Self == SystemClock {
    /// The wall clock of the machine.
    public static var system: SystemClock { SystemClock() }
}
