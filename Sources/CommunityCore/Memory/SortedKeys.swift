/// A sorted array of unique keys with binary-search insert, remove and paging: the in-memory
/// backend's ordered index. Keys usually arrive in order (time-ordered ids), so inserts append.
struct SortedKeys<Key: Comparable>: Sendable where Key: Sendable {
    private(set) var keys: [Key] = []

    var count: Int { keys.count }

    /// The index of the first key not less than `key`.
    func lowerBound(_ key: Key) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the first key greater than `key`.
    func upperBound(_ key: Key) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] <= key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func insert(_ key: Key) {
        if let last = keys.last, last < key {
            keys.append(key)
            return
        }
        let index = lowerBound(key)
        if index < keys.count && keys[index] == key { return }
        keys.insert(key, at: index)
    }

    mutating func remove(_ key: Key) {
        let index = lowerBound(key)
        if index < keys.count && keys[index] == key { keys.remove(at: index) }
    }

    func contains(_ key: Key) -> Bool {
        let index = lowerBound(key)
        return index < keys.count && keys[index] == key
    }

    /// Up to `limit` keys strictly after `after` (from the start when `nil`).
    func page(after: Key?, limit: Int) -> ArraySlice<Key> {
        let start = after.map(upperBound) ?? 0
        let end = min(keys.count, start + max(0, limit))
        return keys[start..<end]
    }
}
