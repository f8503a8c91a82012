import CommunityCore
import Foundation

/// Builds a compact record: the one-column binary form a row is decoded from (see
/// ``CompactRecordReader``). Fields are written in a fixed order that the reader repeats; no
/// field carries a name or a type tag.
///
/// Encodings: unsigned integers as LEB128 varints, signed ones zigzag-encoded first; `Double`
/// as its 8-byte little-endian bit pattern (so a `Date` round-trips bit for bit); identifiers
/// as their 16 big-endian bytes; strings as a varint byte count then their UTF-8.
struct CompactRecordWriter {
    private(set) var bytes: [UInt8] = []

    /// Starts a record of format `version` (its first byte).
    init(version: UInt8, capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
        bytes.append(version)
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed integer, zigzag-encoded so small negative values stay short.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func double(_ value: Double) {
        let pattern = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: pattern >> UInt64(shift))) }
    }

    mutating func date(_ value: Date) { double(value.timeIntervalSinceReferenceDate) }

    mutating func id<S>(_ value: Identifier<S>) {
        for word in [value.high, value.low] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
    }

    mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// `value` as the byte count it shares with the start of `base`, then its other bytes: an
    /// excerpt that begins like its body costs a few bytes. The split may fall inside a
    /// character; the reader joins the bytes back before making a string.
    mutating func string(_ value: String, sharingPrefixWith base: String) {
        var text = value, baseText = base
        text.withUTF8 { utf8 in
            baseText.withUTF8 { baseUTF8 in
                var shared = 0
                let limit = min(utf8.count, baseUTF8.count)
                while shared < limit, utf8[shared] == baseUTF8[shared] { shared += 1 }
                varint(UInt64(shared))
                varint(UInt64(utf8.count - shared))
                bytes.append(contentsOf: utf8[shared...])
            }
        }
    }

    mutating func strings(_ values: [String]) {
        varint(UInt64(values.count))
        for value in values { string(value) }
    }

    mutating func principal(_ value: Principal) {
        switch value {
        case .member(let id):
            byte(0)
            self.id(id)
        case .system(let name):
            byte(1)
            string(name)
        }
    }

    /// The finished record, as the value that binds it.
    var value: SQLiteValue { .blob(bytes) }
}
