/// One page of a listing, with the cursor of the next page (`nil` on the last page).
///
/// ```swift
/// var cursor: PageCursor? = nil
/// repeat {
///     let page = try await members.directory(of: community, after: cursor, by: viewer)
///     page.items.forEach { print($0.handle) }
///     cursor = page.nextCursor
/// } while cursor != nil
/// ```
public struct Page<Item: Sendable>: Sendable {
    /// The records of this page, in listing order.
    public var items: [Item]
    /// Pass it as `after:` to get the next page; `nil` when this is the last one.
    public var nextCursor: PageCursor?

    /// Creates a page.
    public init(items: [Item], nextCursor: PageCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}

/// An opaque position in a listing. Its string form is stable and safe to put in a URL.
public struct PageCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The cursor's string form.
    public let rawValue: String

    /// Wraps a cursor received from a client.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The string form.
    public var description: String { rawValue }

    /// A cursor that points after the record with this identifier.
    public init<S>(after id: Identifier<S>) { self.rawValue = id.description }

    /// The identifier the cursor points after.
    /// - Throws: `invalidInput` if the cursor was not made by this listing.
    public func identifier<S>(as _: S.Type = S.self) throws -> Identifier<S> {
        guard let id = Identifier<S>(rawValue) else {
            throw CommunityError.invalidInput("the page cursor '\(rawValue.prefix(60))' is not one this listing returned", field: "after")
        }
        return id
    }
}
