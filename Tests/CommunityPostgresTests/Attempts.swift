#if Postgres
import Synchronization

/// Counts the runs of a write body.
final class Attempts: Sendable {
    private let value = Mutex(0)

    /// Counts one more run and returns its number (from 1).
    func next() -> Int {
        value.withLock { count in
            count += 1
            return count
        }
    }

    /// How many runs were counted.
    var count: Int { value.withLock { $0 } }
}
#endif
