/// The per-thread state that views, reactions and replies read on their row (the thread's root,
/// SPICES letters, question and accept status) and views count into, kept together: one cache
/// miss for a thread instead of one per field.
struct ThreadState: Sendable {
    /// The post id (``EngineState/objectNames``) of the thread's first post.
    var root: Int
    /// The accepted post, −1 = none yet.
    var accepted = -1
    /// When the accept was recorded (NaN = never).
    var acceptTime = Double.nan
    /// Views inside the window by members neither staff nor bots.
    var viewsInWindow = 0
    /// §4 letters from configuration or keywords (bit i = `SpicesLetter.allCases[i]`).
    var spicesBase: UInt8
    /// Whether configuration set ``spicesBase`` (then the defaults are skipped).
    var spicesConfigured: Bool
    var question: Bool
}
