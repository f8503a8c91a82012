/// What ``ActivitySection`` knows of an object id, in 8 bytes: whether it is a post of a thread
/// and who wrote it (a reaction reads both, one cache miss).
struct ActivityPost: Sendable {
    /// 0 = not a post of a thread, 1 = a thread's root, 2 = a reply in a thread.
    var kind: UInt8 = 0
    /// The author (member index) of a post of a thread; −1 otherwise.
    var author: Int32 = -1
}
