public import CommunityCore

/// A string dictionary: each distinct string gets a dense `Int32` index, in order of first
/// appearance, so that columns of an ``ActivityTable`` hold 4-byte indices instead of strings.
///
/// Hashing happens once per string occurrence when the table is built; the report then works on
/// the indices only.
///
/// ```swift
/// var names = InternedStrings()
/// let a = try names.intern("alice")   // 0
/// let b = try names.intern("bob")     // 1
/// print(names[a], names.index(of: "bob") == b)  // alice true
/// ```
public struct InternedStrings: Sendable, Hashable {
    /// The strings, by index.
    public private(set) var strings: [String] = []
    private var indices: [String: Int32] = [:]

    /// Creates an empty dictionary.
    public init() {}

    /// The number of distinct strings.
    public var count: Int { strings.count }

    /// The string of an index.
    /// - Parameter index: An index returned by ``intern(_:)`` or ``index(of:)`` (a programming
    ///   error otherwise, which traps).
    public subscript(index: Int32) -> String { strings[Int(index)] }

    /// The index of a string, `nil` if it was never interned.
    /// - Parameter string: Any string.
    public func index(of string: String) -> Int32? { indices[string] }

    /// The index of `string`, adding it at the end if it is new.
    /// - Parameter string: Any string.
    /// - Returns: Its dense index.
    /// - Throws: ``CommunityError`` `invalidInput` past 2³¹ − 1 distinct strings.
    @discardableResult
    public mutating func intern(_ string: String) throws(CommunityError) -> Int32 {
        if let index = indices[string] { return index }
        guard strings.count < Int(Int32.max) else {
            throw CommunityError.invalidInput("more than \(Int32.max) distinct identifiers of one kind", field: "identifier")
        }
        let index = Int32(strings.count)
        indices[string] = index
        strings.append(string)
        return index
    }
}
