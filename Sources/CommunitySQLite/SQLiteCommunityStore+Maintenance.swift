import CSQLite
import CommunityCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SQLiteCommunityStore {
    /// Copies the database, online, to a new file at `destination`.
    ///
    /// The copy is one consistent snapshot (SQLite's backup API, run on a reader connection), taken
    /// while reads and writes continue. It is written beside the destination and renamed into place
    /// when complete, so `destination` is either the previous file or the whole new copy. The copy
    /// is a regular CommunityKit database: open it with `SQLiteCommunityStore(path:)`.
    ///
    /// ```swift
    /// try await store.backup(to: "/var/backups/community-2026-11-27.sqlite")
    /// ```
    /// - Parameter destination: The file to create or replace; it must not be open in any store.
    /// - Throws: `invalidInput` if `destination` is empty or is the store's own file; `storage` if
    ///   the copy cannot be written.
    public func backup(to destination: String) async throws {
        guard !destination.isEmpty else { throw CommunityError.invalidInput("the backup path is empty", field: "destination") }
        let source = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath().path
        guard source != target else {
            throw CommunityError.invalidInput("a backup cannot overwrite the database it copies ('\(path)')", field: "destination")
        }
        let partial = destination + ".partial-\(UUID().uuidString)"
        let connection = await checkOutReader()
        defer { checkInReader(connection) }
        do {
            try connection.withDatabase { database in
                let copy = try SQLiteDatabase(path: partial, create: true, busyTimeout: .seconds(1))
                guard let backup = sqlite3_backup_init(copy.rawHandle, "main", database.rawHandle, "main") else {
                    throw copy.error(SQLITE_ERROR, "starting the backup to '\(destination)'")
                }
                // One step copies every page under one read snapshot; writers go on meanwhile (WAL).
                let step = sqlite3_backup_step(backup, -1)
                let finish = sqlite3_backup_finish(backup)
                guard step == SQLITE_DONE, finish == SQLITE_OK else {
                    throw copy.error(step == SQLITE_DONE ? finish : step, "copying the database to '\(destination)'")
                }
            }
            // The copy's connection is closed: nothing is left in a journal. Drop stale WAL files
            // a previous database at the destination may have left, then move the copy into place.
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
            guard rename(partial, destination) == 0 else {
                throw CommunityError(.storage, "could not move the backup into place at '\(destination)' (errno \(errno))")
            }
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            throw CommunityError.mapping(error)
        }
    }

    /// Checks the database file's structure (`PRAGMA integrity_check`) and its foreign keys
    /// (`PRAGMA foreign_key_check`), on a reader connection, while the store stays usable.
    ///
    /// ```swift
    /// let problems = try await store.integrityCheck()
    /// if !problems.isEmpty { logger.critical("database damaged: \(problems)") }
    /// ```
    /// - Returns: The problems found, one sentence each; empty when the database is sound.
    /// - Throws: `storage` if the check cannot run (for instance, the file is unreadable).
    public func integrityCheck() async throws -> [String] {
        let connection = await checkOutReader()
        defer { checkInReader(connection) }
        do {
            return try connection.withDatabase { database in
                var problems = try database.query("PRAGMA integrity_check") { $0.text(0) }.filter { $0 != "ok" }
                problems += try database.query("PRAGMA foreign_key_check") { row in
                    "foreign key violation: a row of \(row.text(0)) (rowid \(row.optionalText(1) ?? "none")) refers to a missing row of \(row.text(2))"
                }
                return problems
            }
        } catch {
            throw CommunityError.mapping(error)
        }
    }
}
