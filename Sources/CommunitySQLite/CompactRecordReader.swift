import CSQLite
import CommunityCore
import Foundation

/// Reads a compact record written by ``CompactRecordWriter``, field by field in the writer's
/// order, straight from the column's bytes (valid only inside the row closure that made it).
///
/// Every read is bounds-checked: a truncated or malformed record is a `SQLITE_CORRUPT`
/// ``SQLiteError`` (a storage error to the caller), never a trap.
struct CompactRecordReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// What the record describes, for error messages (`"thread"`, `"post"`).
    private let subject: String

    /// A reader positioned after the format byte, which must be `version`.
    init(_ bytes: UnsafeRawBufferPointer, subject: String, version: UInt8) throws(SQLiteError) {
        self.bytes = bytes
        self.subject = subject
        let format = try byte()
        guard format == version else {
            throw Self.corrupt("a stored \(subject) record has format \(format), not \(version)")
        }
    }

    /// Runs `body` with a reader over the BLOB in `column` of `row`.
    static func read<T>(_ row: SQLiteRow, _ column: Int32, subject: String, version: UInt8,
                        _ body: (inout CompactRecordReader) throws -> T) throws -> T {
        guard let bytes = row.blob(column) else { throw corrupt("a \(subject) row has no stored record") }
        var reader = try CompactRecordReader(bytes, subject: subject, version: version)
        let value = try body(&reader)
        guard reader.offset == bytes.count else { throw corrupt("a stored \(subject) record has \(bytes.count - reader.offset) bytes too many") }
        return value
    }

    private static func corrupt(_ message: String) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_CORRUPT, message: message, context: "decoding a stored record")
    }

    private func truncated() -> SQLiteError { Self.corrupt("a stored \(subject) record is truncated") }

    mutating func byte() throws(SQLiteError) -> UInt8 {
        guard offset < bytes.count else { throw truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws(SQLiteError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw Self.corrupt("a stored \(subject) record has \(other) where a flag belongs")
        }
    }

    mutating func varint() throws(SQLiteError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw Self.corrupt("a stored \(subject) record has an overlong integer") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(SQLiteError) -> Int {
        let zigzag = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    /// A non-negative count no larger than the bytes left (each counted item takes at least one).
    mutating func count() throws(SQLiteError) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw truncated() }
        return Int(value)
    }

    mutating func double() throws(SQLiteError) -> Double {
        guard bytes.count - offset >= 8 else { throw truncated() }
        defer { offset += 8 }
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }

    mutating func date() throws(SQLiteError) -> Date { Date(timeIntervalSinceReferenceDate: try double()) }

    mutating func id<S>(as _: S.Type = S.self) throws(SQLiteError) -> Identifier<S> {
        guard bytes.count - offset >= 16 else { throw truncated() }
        defer { offset += 16 }
        return Identifier(
            high: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
            low: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
    }

    mutating func string() throws(SQLiteError) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// A string written by ``CompactRecordWriter/string(_:sharingPrefixWith:)`` with the same `base`.
    mutating func string(sharingPrefixWith base: String) throws(SQLiteError) -> String {
        let shared = try varint()
        guard shared <= UInt64(base.utf8.count) else { throw Self.corrupt("a stored \(subject) record shares more bytes than its base has") }
        let rest = try count()
        defer { offset += rest }
        let suffix = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + rest])
        if rest == 0 {
            // A prefix of the base that ends between characters: a slice, with no bytes to validate.
            let end = base.utf8.index(base.utf8.startIndex, offsetBy: Int(shared))
            if let scalarEnd = end.samePosition(in: base.unicodeScalars) { return String(base.unicodeScalars[..<scalarEnd]) }
        }
        // Otherwise the shared bytes and the rest, joined before making the string (the cut may
        // fall inside a character); a native string's bytes are copied at once.
        var joined: [UInt8] = []
        joined.reserveCapacity(Int(shared) + rest)
        if base.utf8.withContiguousStorageIfAvailable({ joined.append(contentsOf: $0[..<Int(shared)]) }) == nil {
            joined.append(contentsOf: base.utf8.prefix(Int(shared)))
        }
        joined.append(contentsOf: suffix)
        return String(decoding: joined, as: UTF8.self)
    }

    mutating func strings() throws(SQLiteError) -> [String] {
        let total = try count()
        guard total > 0 else { return [] }
        var values: [String] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try string()) }
        return values
    }

    mutating func principal() throws(SQLiteError) -> Principal {
        switch try byte() {
        case 0: return .member(try id())
        case 1: return .system(try string())
        case let other: throw Self.corrupt("a stored \(subject) record has principal kind \(other)")
        }
    }
}
