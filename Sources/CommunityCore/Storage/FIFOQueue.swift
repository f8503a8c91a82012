/// A first-in, first-out queue with O(1) amortized `append` and `popFirst`: the waiters of the
/// backends' async locks, semaphores and gates.
///
/// Popped slots are reclaimed once they are more than half of the storage, so a long-lived queue
/// does not grow without bound and does not shift its elements on every pop.
package struct FIFOQueue<Element> {
    private var storage: [Element] = []
    private var head = 0

    /// An empty queue.
    package init() {}

    /// Whether no element is waiting.
    package var isEmpty: Bool { head == storage.count }

    /// The oldest element, if any, without removing it.
    package var first: Element? { isEmpty ? nil : storage[head] }

    /// Adds `element` behind every other.
    package mutating func append(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the oldest element, if any.
    package mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }
}
