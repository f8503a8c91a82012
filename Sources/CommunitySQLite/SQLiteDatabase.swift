import CSQLite
import CommunityCore

/// One open SQLite connection with its cache of prepared statements. Not thread-safe on its
/// own: ``SQLiteConnection`` owns it behind a mutex, and the store hands a connection to one
/// transaction at a time.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    private var statements: [StatementKey: OpaquePointer] = [:]

    /// Opens (or creates, when `create`) the database at `path`.
    init(path: String, create: Bool, busyTimeout: Duration) throws(SQLiteError) {
        var pointer: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            let extended = pointer.map { sqlite3_extended_errcode($0) } ?? code
            sqlite3_close_v2(pointer)
            throw SQLiteError(extendedCode: extended, message: message, context: "opening '\(path)'")
        }
        handle = pointer
        sqlite3_extended_result_codes(pointer, 1)
        setBusyTimeout(busyTimeout)
    }

    /// How long SQLite itself waits (sleeping the thread) for another connection's lock.
    func setBusyTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        sqlite3_busy_timeout(handle, Int32(milliseconds))
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// The raw handle, for the backup API.
    var rawHandle: OpaquePointer { handle }

    func error(_ code: Int32, _ context: @autoclosure () -> String) -> SQLiteError {
        SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), context: context())
    }

    /// Runs one or more statements without bindings or results (schema, pragmas, BEGIN/COMMIT).
    func executeScript(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, "running '\(sql.prefix(60))'") }
    }

    /// The cached prepared statement for `sql`, reset and with no bindings.
    private func statement(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        if let cached = statements[StatementKey(sql)] { return cached }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, "preparing '\(sql.prefix(80))'") }
        statements[StatementKey(sql)] = statement
        return statement
    }

    /// Runs `sql` with `bindings`, calling `row` for each result row; returns the rows' values.
    func query<R>(_ sql: String, _ bindings: [SQLiteValue] = [], row: (SQLiteRow) throws -> R) throws -> [R] {
        let statement = try statement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement, sql: sql)
        var results: [R] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_ROW {
                results.append(try row(SQLiteRow(statement: statement)))
            } else if code == SQLITE_DONE {
                return results
            } else {
                throw error(code, "running '\(sql.prefix(80))'")
            }
        }
    }

    /// Runs `sql` and returns the first row's value, if any.
    func queryFirst<R>(_ sql: String, _ bindings: [SQLiteValue] = [], row: (SQLiteRow) throws -> R) throws -> R? {
        try query(sql, bindings, row: row).first
    }

    /// Runs a statement, stepping past any rows it returns; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        let statement = try statement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement, sql: sql)
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return Int(sqlite3_changes(handle)) }
            if code != SQLITE_ROW { throw error(code, "running '\(sql.prefix(80))'") }
        }
    }

    /// The rowid of the last inserted row.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    private func bind(_ values: [SQLiteValue], to statement: OpaquePointer, sql: String) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(statement, index)
            case .integer(let integer):
                code = sqlite3_bind_int64(statement, index, integer)
            case .real(let real):
                code = sqlite3_bind_double(statement, index, real)
            case .text(var text):
                code = text.withUTF8 { buffer in
                    guard let base = buffer.baseAddress, buffer.count > 0 else {
                        return sqlite3_bind_text(statement, index, "", 0, csqlite_transient())
                    }
                    return sqlite3_bind_text(statement, index, base, Int32(buffer.count), csqlite_transient())
                }
            case .identifier(let high, let low):
                var bytes = (high.bigEndian, low.bigEndian)
                code = withUnsafeBytes(of: &bytes) { raw in
                    sqlite3_bind_blob(statement, index, raw.baseAddress, 16, csqlite_transient())
                }
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count), csqlite_transient())
                }
            case .emptyBlob:
                code = sqlite3_bind_zeroblob(statement, index, 0)
            case .afterEveryIdentifier:
                let bytes = [UInt8](repeating: 0xFF, count: 17)
                code = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(statement, index, raw.baseAddress, 17, csqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw error(code, "binding parameter \(index) of '\(sql.prefix(80))'") }
        }
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// An identifier as 16 big-endian bytes: `memcmp` order is ``Identifier`` order.
    case identifier(high: UInt64, low: UInt64)
    /// Bytes of any length (a compact record).
    case blob([UInt8])
    /// A zero-length blob: sorts before every identifier (the "no cursor" bound).
    case emptyBlob
    /// Seventeen 0xFF bytes: sorts after every identifier (the "no cursor" bound of a descending page).
    case afterEveryIdentifier

    static func id<S>(_ id: Identifier<S>) -> SQLiteValue { .identifier(high: id.high, low: id.low) }

    static func optionalID<S>(_ id: Identifier<S>?) -> SQLiteValue { id.map { .id($0) } ?? .null }

    /// A cursor: strictly-after `id`, or before everything when `nil`.
    static func cursor<S>(_ id: Identifier<S>?) -> SQLiteValue { id.map { .id($0) } ?? .emptyBlob }

    /// A descending cursor: strictly-before `id`, or after everything when `nil`.
    static func before<S>(_ id: Identifier<S>?) -> SQLiteValue { id.map { .id($0) } ?? .afterEveryIdentifier }

    static func optionalText(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }
}

/// The current row of a stepping statement. Valid only inside the `row` closure.
struct SQLiteRow {
    let statement: OpaquePointer
    /// Where this row's columns start in the statement's: a decoder reads columns from 0 while
    /// a joined row holds several records side by side (``shifted(by:)``).
    var offset: Int32 = 0

    /// The same row, its columns counted from `columns` further right.
    func shifted(by columns: Int32) -> SQLiteRow { SQLiteRow(statement: statement, offset: offset + columns) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, offset + column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, offset + column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, offset + column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, offset + column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, offset + column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// The column as the value that would bind it back: a 16-byte BLOB as an identifier, any
    /// other as bytes.
    func value(_ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, offset + column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(double(column))
        case SQLITE_TEXT: return .text(text(column))
        default:
            if let id = try? id(column, as: Never.self) { return .identifier(high: id.high, low: id.low) }
            return .blob(Array(blob(column) ?? UnsafeRawBufferPointer(start: nil, count: 0)))
        }
    }

    /// The column's BLOB bytes, valid until the next step; `nil` when the column is not a BLOB.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, offset + column) == SQLITE_BLOB else { return nil }
        let count = Int(sqlite3_column_bytes(statement, offset + column))
        return UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, offset + column), count: count)
    }

    /// Runs `body` on the column's text as UTF-8 bytes, valid only inside `body` (no String made).
    func withText<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let pointer = sqlite3_column_text(statement, offset + column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, offset + column))))
    }

    /// Whether the column holds exactly the text `literal` (compared on its bytes, no string made).
    func holds(_ column: Int32, _ literal: StaticString) -> Bool {
        guard sqlite3_column_type(statement, offset + column) == SQLITE_TEXT,
              let pointer = sqlite3_column_text(statement, offset + column),
              Int(sqlite3_column_bytes(statement, offset + column)) == literal.utf8CodeUnitCount
        else { return false }
        for index in 0..<literal.utf8CodeUnitCount where pointer[index] != literal.utf8Start[index] { return false }
        return true
    }

    func id<S>(_ column: Int32, as _: S.Type = S.self) throws(SQLiteError) -> Identifier<S> {
        guard sqlite3_column_type(statement, offset + column) == SQLITE_BLOB, sqlite3_column_bytes(statement, offset + column) == 16,
              let pointer = sqlite3_column_blob(statement, offset + column)
        else {
            throw SQLiteError(extendedCode: SQLITE_CORRUPT, message: "an identifier column does not hold 16 bytes", context: "reading a row")
        }
        let raw = UnsafeRawPointer(pointer)
        return Identifier(
            high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
            low: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
    }

    func optionalID<S>(_ column: Int32, as _: S.Type = S.self) throws(SQLiteError) -> Identifier<S>? {
        isNull(column) ? nil : try id(column)
    }
}
