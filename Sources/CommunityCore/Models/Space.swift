public import Foundation

/// A place in a community where members meet: a channel, a Q&A forum, an announcement board,
/// a resource library or an event calendar.
public struct Space: Hashable, Sendable, Codable, Identifiable {
    /// The space's identifier.
    public var id: SpaceID
    /// The community the space belongs to.
    public var communityID: CommunityID
    /// Display name, 1–80 characters.
    public var name: String
    /// Unique per community, 1–64 of `a-z`, `0-9` and inner `-`.
    public var slug: String
    /// What the space is for, up to 2,000 characters.
    public var description: String
    /// What the space holds.
    public var kind: Kind
    /// Who can see and read the space.
    public var visibility: Visibility
    /// Classification tags (`product`, `general`), at most 20.
    public var tags: [String]
    /// When the space was created.
    public var createdAt: Date

    /// Creates a space record. Use `CommunityService.createSpace` to create one with validation.
    public init(
        id: SpaceID, communityID: CommunityID, name: String, slug: String, description: String = "",
        kind: Kind = .discussion, visibility: Visibility = .public, tags: [String] = [], createdAt: Date
    ) {
        self.id = id
        self.communityID = communityID
        self.name = name
        self.slug = slug
        self.description = description
        self.kind = kind
        self.visibility = visibility
        self.tags = tags
        self.createdAt = createdAt
    }

    /// What a space holds.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Open conversation (Slack/Teams-like channel).
        case discussion
        /// Forum-style Q&A with accepted answers.
        case questions
        /// Staff announcements.
        case announcements
        /// A content library.
        case resources
        /// An event calendar.
        case events
    }

    /// Who can see and read a space.
    public enum Visibility: String, CaseIterable, Hashable, Sendable, Codable {
        /// Listed and readable by everyone in the community.
        case `public`
        /// Listed; readable by its members; join by approval or invitation.
        case `private`
        /// Unlisted; only its members know it exists; join by invitation.
        case secret
    }
}
