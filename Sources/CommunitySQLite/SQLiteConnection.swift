import Synchronization

/// A ``SQLiteDatabase`` behind a mutex: every blocking SQLite call runs while holding it, on the
/// calling task's thread, never inside an actor. The store additionally hands each connection
/// to one transaction at a time (the writer semaphore, the reader pool), so the mutex is never
/// contended; it is what makes the connection `Sendable` without `@unchecked`.
final class SQLiteConnection: Sendable {
    private let database: Mutex<SQLiteDatabase>

    init(_ database: consuming sending SQLiteDatabase) {
        self.database = Mutex(database)
    }

    /// Runs `body` with exclusive use of the database.
    func withDatabase<R: Sendable>(_ body: (SQLiteDatabase) throws -> R) throws -> R {
        try database.withLock { database in try body(database) }
    }
}
