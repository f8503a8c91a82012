import CSQLite
import Foundation

/// A bare SQLite connection for the raw peer: the C API with prepared statements and nothing
/// of the SDK in between. Used by one thread at a time.
final class RawConnection {
    let handle: OpaquePointer

    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            throw RawError(message: "cannot open \(path)")
        }
        handle = db
        sqlite3_busy_timeout(db, 10_000)
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw RawError(message: "\(text) in \(sql.prefix(80))")
        }
    }

    func prepare(_ sql: String) throws -> RawStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else {
            throw RawError(message: "\(String(cString: sqlite3_errmsg(handle))) in \(sql.prefix(80))")
        }
        return RawStatement(statement, connection: self)
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A prepared statement: bind, step, read columns, reset. It keeps its connection open.
final class RawStatement {
    let handle: OpaquePointer
    let connection: RawConnection

    init(_ handle: OpaquePointer, connection: RawConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }
    func bind(_ index: Int32, _ value: String) { sqlite3_bind_text(handle, index, value, -1, csqlite_transient()) }

    /// Steps once; `true` if a row is available.
    @discardableResult
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw RawError(message: connection.errorMessage)
        }
    }

    /// Steps through every row, touching each column as a driver would read it; returns the row count.
    @discardableResult
    func drain() throws -> Int {
        var rows = 0
        let columns = sqlite3_column_count(handle)
        while try step() {
            rows += 1
            for column in 0..<columns {
                switch sqlite3_column_type(handle, column) {
                case SQLITE_INTEGER: _ = sqlite3_column_int64(handle, column)
                case SQLITE_FLOAT: _ = sqlite3_column_double(handle, column)
                case SQLITE_TEXT: _ = sqlite3_column_text(handle, column); _ = sqlite3_column_bytes(handle, column)
                default: break
                }
            }
        }
        return rows
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Runs once with no result rows expected, then resets.
    func run() throws {
        defer { reset() }
        try step()
    }
}

struct RawError: Error, CustomStringConvertible {
    var message: String
    var description: String { "SQLite: \(message)" }
}
