import CSQLite
import Synchronization

/// Checkpoints the write-ahead log from a connection of its own, after the writer's turn.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that crosses its threshold, on the
/// committing connection: here, while the store's single writer holds its turn, so every queued
/// write waited for the checkpoint's I/O. Instead, a WAL hook on the writer records the log's
/// size after each commit (replacing the automatic checkpoint), and the writer, once its turn is
/// released, runs a `PASSIVE` checkpoint on this connection when the log reaches SQLite's default
/// threshold (1,000 pages). Passive checkpoints run beside writers and readers as SQLite's own do,
/// with the same `synchronous` setting, so durability is unchanged. One at a time; a failed one is
/// retried after the next commit.
final class SQLiteCheckpointer: Sendable {
    /// SQLite's default `wal_autocheckpoint`, in pages.
    static let threshold: Int32 = 1_000

    private let connection: SQLiteConnection
    private let walPages = Atomic<Int32>(0)
    private let isRunning = Atomic<Bool>(false)

    init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Makes the writer report the log's size after each commit instead of checkpointing itself.
    /// The writer must not outlive this checkpointer (the store owns both).
    func watch(_ writer: SQLiteDatabase) {
        sqlite3_wal_hook(writer.rawHandle, { context, _, _, pages in
            if let context {
                Unmanaged<SQLiteCheckpointer>.fromOpaque(context).takeUnretainedValue().walPages.store(pages, ordering: .relaxed)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Checkpoints if the log has reached the threshold and no checkpoint is running.
    func checkpointIfNeeded() {
        guard walPages.load(ordering: .relaxed) >= Self.threshold,
              isRunning.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
        else { return }
        defer { isRunning.store(false, ordering: .releasing) }
        do {
            try connection.withDatabase { database in
                _ = try database.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { $0.int64(0) }
            }
            walPages.store(0, ordering: .relaxed)
        } catch {
            // Busy or failed: the log keeps growing a little; the next commit tries again.
        }
    }
}
