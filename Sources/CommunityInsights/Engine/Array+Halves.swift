import Dispatch

extension Array {
    /// An array of `count` elements, element `i` being `element(&context, i)`, built in place: in
    /// two halves on two threads when `concurrently`, each half with a context of its own from
    /// `makeContext` (a cache, say), else in one pass with one context (none when empty).
    ///
    /// The report builds its per-member lists so (the CRM records, the A3 verdicts): building
    /// two arrays and concatenating them copied every element once more, retaining every
    /// reference it holds, and faulted in a third array's pages.
    init<Context>(
        count: Int, concurrently: Bool, makeContext: @Sendable () -> Context,
        element: @Sendable (inout Context, Int) -> Element
    ) {
        let count = Swift.max(count, 0)
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            let parts = concurrently && count > 1 ? 2 : 1
            // Unchecked sendability, guarded by disjoint ranges: each part initializes only the
            // elements of its own range, and `concurrentPerform` returns once both are done.
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let bounds = part == 0 ? 0..<(parts == 1 ? count : count / 2) : (count / 2)..<count
                guard !bounds.isEmpty, let base = target.baseAddress else { return }
                var context = makeContext()
                for i in bounds { (base + i).initialize(to: element(&context, i)) }
            }
            initialized = count
        }
    }
}
