/// The kind of a thread in the activity exchange format (`kind` field of a `thread` line).
///
/// INSIGHTS.md §0 calls a thread a *question* when `kind=question`; every other thread is a
/// discussion. Questions are the population of A1 (PAS) and of the C5 *unsolved* rate.
public enum ThreadKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A Q&A question: it can receive an accepted answer and counts in PAS.
    case question
    /// A discussion thread.
    case discussion
}
