// Verbs of the discussion engine. They live in Core so that every module (insights, exports)
// can read them without depending on CommunityDiscussions.

extension ActivityVerb {
    /// A thread was started (with its first post).
    public static let threadCreated = ActivityVerb(rawValue: "thread.created")
    /// A reply was posted.
    public static let postCreated = ActivityVerb(rawValue: "post.created")
    /// A post was edited.
    public static let postEdited = ActivityVerb(rawValue: "post.edited")
    /// A post was deleted.
    public static let postDeleted = ActivityVerb(rawValue: "post.deleted")
    /// A thread was deleted.
    public static let threadDeleted = ActivityVerb(rawValue: "thread.deleted")
    /// A thread was pinned, unpinned, locked, unlocked, closed, reopened, moved or retitled.
    public static let threadUpdated = ActivityVerb(rawValue: "thread.updated")
    /// A reply was accepted as a question's answer.
    public static let answerAccepted = ActivityVerb(rawValue: "answer.accepted")
    /// A reaction was added.
    public static let reactionAdded = ActivityVerb(rawValue: "reaction.added")
    /// A reaction was removed.
    public static let reactionRemoved = ActivityVerb(rawValue: "reaction.removed")
    /// A member read a thread up to a post.
    public static let threadRead = ActivityVerb(rawValue: "thread.read")
    /// A member started or stopped following a thread or space.
    public static let followChanged = ActivityVerb(rawValue: "follow.changed")
    /// A post was flagged.
    public static let postFlagged = ActivityVerb(rawValue: "post.flagged")
    /// A post was hidden (by flags or a moderator) or unhidden.
    public static let postHidden = ActivityVerb(rawValue: "post.hidden")
    /// A moderator resolved flags.
    public static let flagResolved = ActivityVerb(rawValue: "flag.resolved")
    /// Discussion settings changed.
    public static let discussionSettingsChanged = ActivityVerb(rawValue: "discussion.settings_changed")
}
