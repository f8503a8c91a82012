/// What ``ActivitySection`` knows of an object id, in one byte: whether it is a post of a thread
/// (a reply's parent must be a thread's root; a reaction counts as engaged only on a post of a
/// thread). A million ids take 1 MB, which stays in cache; the authors, which only A3's recent
/// reactions read, are an array of their own (`ActivitySection.postAuthors`).
struct ActivityPost: Sendable {
    /// 0 = not a post of a thread, 1 = a thread's root, 2 = a reply in a thread.
    var kind: UInt8 = 0
}
