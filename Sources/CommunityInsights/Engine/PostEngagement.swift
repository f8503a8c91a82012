/// What a reaction to a post needs from the post's thread, kept per post in 12 bytes: the
/// thread's distinct tags (a range of `EngineState.threadTagList`) and its §4 letters for an
/// engaged activity (which, unlike a view's, do not change after the thread's row).
///
/// A reaction used to read the post's link, then the thread's tag range and its state: three
/// cache lines at random in arrays of megabytes. It now reads this entry: one.
struct PostEngagement: Sendable {
    /// The first of the thread's tags in `EngineState.threadTagList`; −1 if the post is not a
    /// post of a thread.
    private var tagStart: Int32 = -1
    /// One past the thread's last tag.
    private var tagEnd: Int32 = 0

    /// The §4 letters of an engaged activity on the post's thread.
    private(set) var letters: UInt8 = 0

    /// An entry for a post of no thread (a resource, an orphan reply, an unknown id).
    init() {}

    /// An entry for a post of a thread whose tags are `tags` (indices of `threadTagList`, which
    /// fit in `Int32` as its `threadTagStart` does) and whose letters for an engaged activity
    /// are `letters`.
    init(tags: Range<Int>, letters: UInt8) {
        tagStart = Int32(truncatingIfNeeded: tags.lowerBound)
        tagEnd = Int32(truncatingIfNeeded: tags.upperBound)
        self.letters = letters
    }

    /// Whether the post belongs to a thread.
    var inThread: Bool { tagStart >= 0 }

    /// The thread's tags, as a range of `EngineState.threadTagList` (empty if none).
    var tags: Range<Int> { inThread ? Int(tagStart)..<max(Int(tagEnd), Int(tagStart)) : 0..<0 }
}
