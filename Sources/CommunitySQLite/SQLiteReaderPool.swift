import Synchronization

/// The reader connections: a read transaction checks one out for its whole body, so reads run
/// concurrently with each other and with the writer (WAL snapshots).
final class SQLiteReaderPool: Sendable {
    private let semaphore: AsyncSemaphore
    private let idle: Mutex<[SQLiteConnection]>

    init(_ connections: [SQLiteConnection]) {
        semaphore = AsyncSemaphore(count: connections.count)
        idle = Mutex(connections)
    }

    /// Waits for an idle connection and takes it.
    func checkOut() async -> SQLiteConnection {
        await semaphore.acquire()
        // The semaphore counts idle connections, so one is there.
        return idle.withLock { $0.removeLast() }
    }

    /// Returns a connection taken with ``checkOut()``.
    func checkIn(_ connection: SQLiteConnection) {
        idle.withLock { $0.append(connection) }
        semaphore.release()
    }
}
