/// The per-thread state that views, reactions and replies read on their row (the thread's root,
/// SPICES letters, question and accept status) and views count into, kept together in 24 bytes:
/// one cache miss for a thread instead of one per field. Post ids are `Int32` as in the table.
struct ThreadState: Sendable {
    private var rootID: Int32
    private var acceptedID: Int32 = -1
    /// When the accept was recorded (NaN = never).
    var acceptTime = Double.nan
    private var viewCount: Int32 = 0
    /// §4 letters from configuration or keywords (bit i = `SpicesLetter.allCases[i]`).
    var spicesBase: UInt8
    /// Whether configuration set ``spicesBase`` (then the defaults are skipped).
    var spicesConfigured: Bool
    var question: Bool

    init(root: Int, spicesBase: UInt8, spicesConfigured: Bool, question: Bool) {
        rootID = Int32(truncatingIfNeeded: root)
        self.spicesBase = spicesBase
        self.spicesConfigured = spicesConfigured
        self.question = question
    }

    /// The post id (``EngineState/objectNames``) of the thread's first post.
    var root: Int { Int(rootID) }

    /// The accepted post, −1 = none yet.
    var accepted: Int {
        get { Int(acceptedID) }
        set { acceptedID = Int32(truncatingIfNeeded: newValue) }
    }

    /// Views inside the window by members neither staff nor bots (saturates at `Int32.max`).
    var viewsInWindow: Int {
        get { Int(viewCount) }
        set { viewCount = Int32(clamping: newValue) }
    }
}
