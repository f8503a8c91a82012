import Foundation
import Synchronization

/// One computation running on a thread of its own while the caller does other work: the
/// streaming pass and the report use it to occupy a second core from their synchronous API.
///
/// The work is a `@Sendable` closure over values (no shared mutable state); its result comes
/// back through a `Mutex` taken once, when the caller ``wait()``s, never inside the work.
final class SideTask<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
        thread.start()
    }

    /// Starts `work` on a new thread if `condition` holds; `nil` otherwise, for the caller to do
    /// the work itself where it needs the value.
    static func start(if condition: Bool, _ work: @escaping @Sendable () -> Value) -> SideTask<Value>? {
        condition ? SideTask(work) : nil
    }

    /// Waits for the work to finish and takes its result (`nil` if already taken).
    func wait() -> Value? {
        finished.wait()
        finished.signal()  // a later wait returns at once
        return result.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
