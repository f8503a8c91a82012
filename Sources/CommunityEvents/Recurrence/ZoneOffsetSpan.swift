/// A half-open range of instants `[start, end)` over which a zone's UTC offset is constant.
struct ZoneOffsetSpan: Sendable {
    var start: Int
    var end: Int
    var offset: Int

    /// A span that contains nothing.
    static let empty = ZoneOffsetSpan(start: 0, end: 0, offset: 0)
}
