import CSQLite
import CommunityCore

/// A failed SQLite call, before it is mapped to a ``CommunityError``. Internal: no SQLite type
/// leaks into the public API.
struct SQLiteError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_IOERR_WRITE`, …).
    let extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`).
    let message: String
    /// What the store was doing.
    let context: String

    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    var primaryCode: Int32 { extendedCode & 0xFF }

    var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
    var isUniqueViolation: Bool {
        extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey
    }
    var isForeignKeyViolation: Bool { extendedCode == Self.constraintForeignKey }

    // Extended codes are function-like macros in sqlite3.h, which Swift does not import.
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    var description: String { "SQLite error \(extendedCode) (\(message)) while \(context)" }

    /// The ``CommunityError`` a caller sees: constraint → `conflict`; busy, corruption, I/O and
    /// everything else → `storage` with a message saying what happened and what to do.
    var communityError: CommunityError {
        switch primaryCode {
        case SQLITE_CONSTRAINT:
            return .conflict("the write violates a storage constraint (\(message)) while \(context)")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return CommunityError(
                .storage,
                "the database stayed locked by another connection or process while \(context) (\(message)); "
                    + "the write did not happen — retry later or raise Configuration.busyTimeout")
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return CommunityError(
                .storage,
                "the database file is corrupt or is not a SQLite database while \(context) (\(message)); "
                    + "restore it from a backup")
        case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_NOLFS:
            return CommunityError(
                .storage,
                "the database file could not be read or written while \(context) (\(message)); "
                    + "check the path, its permissions and free disk space")
        case SQLITE_NOMEM:
            return CommunityError(.storage, "SQLite ran out of memory while \(context)")
        default:
            return CommunityError(.storage, "SQLite failed while \(context): \(message) (code \(extendedCode))")
        }
    }
}

extension CommunityError {
    /// Maps any error thrown below the transaction layer to the public error type.
    static func mapping(_ error: any Error) -> any Error {
        if let error = error as? SQLiteError { return error.communityError }
        return error
    }
}
