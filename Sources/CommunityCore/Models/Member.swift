public import Foundation

/// A member of one community. The same person in two communities is two members.
public struct Member: Hashable, Sendable, Codable, Identifiable {
    /// The member's identifier.
    public var id: MemberID
    /// The community the member belongs to.
    public var communityID: CommunityID
    /// Unique per community (case-insensitive), 2–30 of `a-z`, `0-9`, `_`, `.`, `-`; stored lowercase.
    public var handle: String
    /// The name shown to others, 1–80 characters.
    public var displayName: String
    /// A short self-description, up to 500 characters.
    public var bio: String
    /// Avatar image URL.
    public var avatarURL: URL?
    /// Interests as tags (`swift`, `design`), at most 20.
    public var interests: [String]
    /// The member's role in the community.
    public var role: Role
    /// Whether the member may act.
    public var status: MemberStatus
    /// When the member joined.
    public var joinedAt: Date
    /// A bot account (excluded from peer analytics).
    public var isBot: Bool

    /// Creates a member record. Use `MemberService.join` to create one with validation.
    public init(
        id: MemberID, communityID: CommunityID, handle: String, displayName: String, bio: String = "",
        avatarURL: URL? = nil, interests: [String] = [], role: Role = .member, status: MemberStatus = .active,
        joinedAt: Date, isBot: Bool = false
    ) {
        self.id = id
        self.communityID = communityID
        self.handle = handle
        self.displayName = displayName
        self.bio = bio
        self.avatarURL = avatarURL
        self.interests = interests
        self.role = role
        self.status = status
        self.joinedAt = joinedAt
        self.isBot = isBot
    }
}

/// What a person says about themselves when they join or edit their profile.
public struct MemberProfile: Hashable, Sendable, Codable {
    /// Wanted handle; see ``Member/handle`` for the syntax.
    public var handle: String
    /// Display name.
    public var displayName: String
    /// Bio.
    public var bio: String
    /// Avatar URL.
    public var avatarURL: URL?
    /// Interests.
    public var interests: [String]
    /// A bot account.
    public var isBot: Bool

    /// Creates a profile.
    public init(handle: String, displayName: String, bio: String = "", avatarURL: URL? = nil, interests: [String] = [], isBot: Bool = false) {
        self.handle = handle
        self.displayName = displayName
        self.bio = bio
        self.avatarURL = avatarURL
        self.interests = interests
        self.isBot = isBot
    }
}
