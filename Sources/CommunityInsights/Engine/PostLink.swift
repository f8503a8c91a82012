/// The thread and author of a post id, together in 8 bytes: a reaction, accept, deletion or
/// flag names only the post, and reads both (one cache miss instead of two).
struct PostLink: Sendable {
    /// The post's thread; `EngineState.orphan` for a reply to an unknown thread,
    /// `EngineState.notAPost` if no thread or reply created this id.
    var thread: Int32 = EngineState.notAPost
    /// The post's author (member index); −1 if not a post.
    var author: Int32 = -1
}
