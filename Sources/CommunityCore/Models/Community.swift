public import Foundation

/// A community: the tenant. No call of one community ever returns another's data.
public struct Community: Hashable, Sendable, Codable, Identifiable {
    /// The community's identifier.
    public var id: CommunityID
    /// Display name, 1–80 characters.
    public var name: String
    /// URL-safe unique name (`swift-paris`), 1–64 of `a-z`, `0-9` and inner `-`.
    public var slug: String
    /// What the community is about, up to 2,000 characters.
    public var description: String
    /// How the community looks when the host renders it.
    public var branding: Branding
    /// Rules of the community.
    public var settings: CommunitySettings
    /// When the community was created.
    public var createdAt: Date

    /// Creates a community record. Use `CommunityService.createCommunity` to create one with validation.
    public init(
        id: CommunityID, name: String, slug: String, description: String = "",
        branding: Branding = Branding(), settings: CommunitySettings = CommunitySettings(), createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        self.branding = branding
        self.settings = settings
        self.createdAt = createdAt
    }
}

/// A community's visual identity.
public struct Branding: Hashable, Sendable, Codable {
    /// Accent colour as `#RRGGBB`.
    public var accentColor: String?
    /// Logo image (`https` or `http` URL).
    public var logoURL: URL?
    /// The host name the community is served on (`community.example.com`).
    public var customDomain: String?

    /// Creates branding; every part is optional.
    public init(accentColor: String? = nil, logoURL: URL? = nil, customDomain: String? = nil) {
        self.accentColor = accentColor
        self.logoURL = logoURL
        self.customDomain = customDomain
    }
}

/// A community's rules.
public struct CommunitySettings: Hashable, Sendable, Codable {
    /// Who may join the community.
    public var joinPolicy: JoinPolicy
    /// How long an invitation stays valid unless the inviter says otherwise.
    public var invitationLifetime: TimeInterval
    /// The IANA time zone the community lives in (day buckets of analytics, event defaults).
    public var timeZoneIdentifier: String

    /// Creates settings with sensible defaults: open join, 7-day invitations, UTC.
    public init(joinPolicy: JoinPolicy = .open, invitationLifetime: TimeInterval = 7 * 86_400, timeZoneIdentifier: String = "UTC") {
        self.joinPolicy = joinPolicy
        self.invitationLifetime = invitationLifetime
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Who may join a community.
    public enum JoinPolicy: String, Hashable, Sendable, Codable, CaseIterable {
        /// Anyone the host lets through.
        case open
        /// Only holders of a valid invitation.
        case invitationOnly
    }
}
