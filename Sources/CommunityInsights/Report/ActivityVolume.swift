/// Raw counts of the window, for context.
///
/// INSIGHTS.md §0. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct ActivityVolume: Sendable, Hashable, Encodable {
    /// `records`: Records consumed (all lines of the log, any time).
    public let records: Int
    /// `members`: Members with a `member` line (any time).
    public let members: Int
    /// `threads`: Threads created in the window, every kind, staff and bot threads included.
    public let threads: Int
    /// `questions`: Threads of kind `question` created in the window.
    public let questions: Int
    /// `replies`: Replies created in the window.
    public let replies: Int
    /// `reactions`: `react` lines in the window.
    public let reactions: Int
    /// `views`: `view` lines in the window.
    public let views: Int
    /// `deleted_posts`: Posts created in the window and deleted by the evaluation time.
    public let deletedPosts: Int

    enum CodingKeys: String, CodingKey {
        case records = "records"
        case members = "members"
        case threads = "threads"
        case questions = "questions"
        case replies = "replies"
        case reactions = "reactions"
        case views = "views"
        case deletedPosts = "deleted_posts"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(records, forKey: .records)
        try c.encode(members, forKey: .members)
        try c.encode(threads, forKey: .threads)
        try c.encode(questions, forKey: .questions)
        try c.encode(replies, forKey: .replies)
        try c.encode(reactions, forKey: .reactions)
        try c.encode(views, forKey: .views)
        try c.encode(deletedPosts, forKey: .deletedPosts)
    }
}
