/// A thread listing entry ordered like ``ThreadPosition/precedes(_:)``: ascending order of this
/// key is key-descending, id-descending listing order.
struct ThreadListingKey: Comparable, Sendable {
    var key: Int64
    var id: ThreadID

    init(_ position: ThreadPosition) {
        key = position.key
        id = position.threadID
    }

    static func < (lhs: ThreadListingKey, rhs: ThreadListingKey) -> Bool {
        (lhs.key, lhs.id) > (rhs.key, rhs.id)
    }
}
