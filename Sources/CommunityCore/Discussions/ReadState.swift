public import Foundation

/// How far a member has read a thread.
public struct ReadMarker: Hashable, Sendable, Codable {
    /// The member.
    public var memberID: MemberID
    /// The thread.
    public var threadID: ThreadID
    /// The highest post number read.
    public var lastReadNumber: Int
    /// When it last moved.
    public var updatedAt: Date

    /// Creates a read marker.
    public init(memberID: MemberID, threadID: ThreadID, lastReadNumber: Int, updatedAt: Date) {
        self.memberID = memberID
        self.threadID = threadID
        self.lastReadNumber = lastReadNumber
        self.updatedAt = updatedAt
    }
}

/// "Mark space read": every thread of the space whose last activity is at or before `readUpTo`
/// counts as read, whatever its marker says.
public struct SpaceReadMark: Hashable, Sendable, Codable {
    /// The member.
    public var memberID: MemberID
    /// The space.
    public var spaceID: SpaceID
    /// Activity up to this instant is read.
    public var readUpTo: Date

    /// Creates a space read mark.
    public init(memberID: MemberID, spaceID: SpaceID, readUpTo: Date) {
        self.memberID = memberID
        self.spaceID = spaceID
        self.readUpTo = readUpTo
    }
}

/// What a member follows: a thread or a whole space.
public enum FollowTarget: Hashable, Sendable, Codable {
    /// Replies in the thread notify the follower.
    case thread(ThreadID)
    /// New threads in the space notify the follower.
    case space(SpaceID)
}
