public import Foundation

/// A typed, time-ordered identifier (UUIDv7) of a record of kind `Subject`.
///
/// Identifiers of different kinds never mix: a ``MemberID`` is not a ``SpaceID``. They sort
/// by creation time (the first 48 bits are the creation instant in milliseconds), so they make
/// good cursors, and their string form is the lowercase canonical UUID text, stable across
/// releases and backends.
///
/// ```swift
/// let id = MemberID("0192f3a4-5b6c-7d8e-9f01-23456789abcd")
/// print(id?.description ?? "invalid")
/// ```
public struct Identifier<Subject>: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// The first 64 bits (timestamp, version, counter).
    public let high: UInt64
    /// The last 64 bits (variant, random).
    public let low: UInt64

    /// Creates an identifier from its two 64-bit halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates an identifier from a UUID.
    public init(_ uuid: UUID) {
        let b = uuid.uuid
        self.high = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7].reduce(0) { $0 << 8 | UInt64($1) }
        self.low = [b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Parses the canonical UUID text form (`8-4-4-4-12` hex digits, either case); `nil` if
    /// `description` is not a UUID.
    public init?(_ description: String) {
        var text = description
        guard let parsed = text.withUTF8(Self.parse) else { return nil }
        self = parsed
    }

    /// The identifier in 36 bytes of canonical UUID text, or `nil`.
    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> Identifier? {
        guard utf8.count == 36 else { return nil }
        var words: (UInt64, UInt64) = (0, 0)
        var digits = 0
        for (offset, byte) in utf8.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            if digits < 16 { words.0 = words.0 << 4 | UInt64(value) } else { words.1 = words.1 << 4 | UInt64(value) }
            digits += 1
        }
        return Identifier(high: words.0, low: words.1)
    }

    /// The identifier as a Foundation `UUID`.
    public var uuid: UUID {
        func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * index)) }
        let h = high, l = low
        return UUID(uuid: (
            byte(h, 0), byte(h, 1), byte(h, 2), byte(h, 3), byte(h, 4), byte(h, 5), byte(h, 6), byte(h, 7),
            byte(l, 0), byte(l, 1), byte(l, 2), byte(l, 3), byte(l, 4), byte(l, 5), byte(l, 6), byte(l, 7)))
    }

    /// The creation instant encoded in a UUIDv7 identifier (millisecond precision).
    public var timestamp: Date {
        Date(timeIntervalSince1970: Double(high >> 16) / 1000)
    }

    /// The lowercase canonical UUID text, e.g. `0192f3a4-5b6c-7d8e-9f01-23456789abcd`.
    public var description: String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for digit in 0..<32 {
                if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = digit < 16 ? high : low
                let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * (digit % 16))) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ (nibble &- 10)
                index += 1
            }
            return index
        }
    }

    /// Orders identifiers by creation time, then by their random part.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// Re-types the identifier. Only for backends and adapters that store untyped subjects.
    public func retyped<Other>(as _: Other.Type = Other.self) -> Identifier<Other> {
        Identifier<Other>(high: high, low: low)
    }
}

extension Identifier: Codable {
    /// Decodes the canonical UUID text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = Identifier(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UUID")
        }
        self = id
    }

    /// Encodes the canonical UUID text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Identifies a ``Community`` (a tenant).
public typealias CommunityID = Identifier<Community>
/// Identifies a ``Member`` of one community.
public typealias MemberID = Identifier<Member>
/// Identifies a ``Space`` of one community.
public typealias SpaceID = Identifier<Space>
/// Identifies an ``Invitation``.
public typealias InvitationID = Identifier<Invitation>
/// Identifies a ``JoinRequest``.
public typealias JoinRequestID = Identifier<JoinRequest>
/// Identifies an ``Activity`` record.
public typealias ActivityID = Identifier<Activity>
