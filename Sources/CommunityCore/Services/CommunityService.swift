import Foundation

/// Creates and configures communities and their spaces.
///
/// ```swift
/// let service = CommunityService(environment)
/// let created = try await service.createCommunity(
///     name: "Swift Paris", slug: "swift-paris",
///     owner: MemberProfile(handle: "ada", displayName: "Ada Lovelace"))
/// let general = try await service.createSpace(
///     in: created.community.id, name: "General", slug: "general", by: .member(created.owner.id))
/// ```
public struct CommunityService: Sendable {
    /// The store, clock, ids and policy the service works with.
    public let environment: CommunityEnvironment

    /// Creates the service.
    public init(_ environment: CommunityEnvironment) {
        self.environment = environment
    }

    /// A new community and its first owner.
    public struct Created: Sendable, Hashable {
        /// The community.
        public var community: Community
        /// Its owner, the community's first member.
        public var owner: Member
    }

    /// Creates a community with its first member as owner.
    /// - Parameters:
    ///   - name: Display name, 1–80 characters.
    ///   - slug: Unique URL-safe name.
    ///   - description: Up to 2,000 characters.
    ///   - branding: Accent colour, logo, custom domain.
    ///   - settings: Join policy, invitation lifetime, time zone.
    ///   - owner: The profile of the first member, who becomes owner.
    /// - Throws: `invalidInput` for bad input, `conflict` if the slug is taken.
    public func createCommunity(
        name: String, slug: String, description: String = "", branding: Branding = Branding(),
        settings: CommunitySettings = CommunitySettings(), owner: MemberProfile
    ) async throws -> Created {
        let name = try Validate.name(name, field: "name")
        let slug = try Validate.slug(slug)
        try Validate.text(description, field: "description", max: 2000)
        try Self.validate(branding)
        try Self.validate(settings)
        let profile = try Validate.profile(owner)
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let community = Community(
                id: environment.ids.next(at: now), name: name, slug: slug, description: description,
                branding: branding, settings: settings, createdAt: now)
            try await tx.insert(community)
            let member = Member(
                id: environment.ids.next(at: now), communityID: community.id, handle: profile.handle,
                displayName: profile.displayName, bio: profile.bio, avatarURL: profile.avatarURL,
                interests: profile.interests, role: .owner, joinedAt: now, isBot: profile.isBot)
            try await tx.insert(member)
            try await tx.recordActivity(.communityCreated, by: .member(member.id), subject: SubjectRef("community", community.id),
                                        community: community.id, at: now, ids: environment.ids)
            try await tx.recordActivity(.memberJoined, by: .member(member.id), subject: SubjectRef("member", member.id),
                                        community: community.id, at: now, ids: environment.ids,
                                        payload: ["role": Role.owner.rawValue, "bot": String(member.isBot)])
            return Created(community: community, owner: member)
        }
    }

    /// Changes a community's name, description, branding or settings (admins and owners).
    /// Parameters left `nil` keep their value.
    /// - Throws: `forbidden`, `notFound`, `invalidInput`.
    @discardableResult
    public func updateCommunity(
        _ id: CommunityID, name: String? = nil, description: String? = nil, branding: Branding? = nil,
        settings: CommunitySettings? = nil, by actor: Principal
    ) async throws -> Community {
        let name = try name.map { try Validate.name($0, field: "name") }
        if let description { try Validate.text(description, field: "description", max: 2000) }
        if let branding { try Self.validate(branding) }
        if let settings { try Self.validate(settings) }
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            try await tx.authorize(.manageCommunity, by: actor, in: id, policy: environment.policy, at: now)
            var community = try await tx.requireCommunity(id)
            if let name { community.name = name }
            if let description { community.description = description }
            if let branding { community.branding = branding }
            if let settings { community.settings = settings }
            try await tx.update(community)
            try await tx.recordActivity(.communityUpdated, by: actor, subject: SubjectRef("community", id), community: id, at: now, ids: environment.ids)
            return community
        }
    }

    /// The community with this identifier.
    /// - Throws: `notFound`.
    public func community(_ id: CommunityID) async throws -> Community {
        try await environment.store.read { tx in try await tx.requireCommunity(id) }
    }

    /// The community with this slug.
    /// - Throws: `notFound`, `invalidInput` for a malformed slug.
    public func community(slug: String) async throws -> Community {
        let slug = try Validate.slug(slug)
        guard let community = try await environment.store.read({ tx in try await tx.community(slug: slug) }) else {
            throw CommunityError.notFound("no community with slug '\(slug)'", field: "slug")
        }
        return community
    }

    /// Creates a space (admins and owners). A member who creates it also becomes its member.
    /// - Throws: `forbidden`, `invalidInput`, `conflict` if the slug is taken in the community.
    public func createSpace(
        in community: CommunityID, name: String, slug: String, description: String = "",
        kind: Space.Kind = .discussion, visibility: Space.Visibility = .public, tags: [String] = [], by actor: Principal
    ) async throws -> Space {
        let name = try Validate.name(name, field: "name")
        let slug = try Validate.slug(slug)
        try Validate.text(description, field: "description", max: 2000)
        let tags = try Validate.tags(tags, field: "tags")
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let acting = try await tx.authorize(.manageSpaces, by: actor, in: community, policy: environment.policy, at: now)
            let space = Space(
                id: environment.ids.next(at: now), communityID: community, name: name, slug: slug,
                description: description, kind: kind, visibility: visibility, tags: tags, createdAt: now)
            try await tx.insert(space)
            try await tx.recordActivity(.spaceCreated, by: actor, subject: SubjectRef("space", space.id), community: community,
                                        space: space.id, at: now, ids: environment.ids, payload: ["visibility": visibility.rawValue])
            if let member = acting.member {
                try await tx.upsert(Membership(communityID: community, spaceID: space.id, memberID: member.id, joinedAt: now))
            }
            return space
        }
    }

    /// Changes a space's name, description, kind, visibility or tags (admins and owners).
    /// - Throws: `forbidden`, `notFound`, `invalidInput`.
    @discardableResult
    public func updateSpace(
        _ id: SpaceID, in community: CommunityID, name: String? = nil, description: String? = nil, kind: Space.Kind? = nil,
        visibility: Space.Visibility? = nil, tags: [String]? = nil, by actor: Principal
    ) async throws -> Space {
        let name = try name.map { try Validate.name($0, field: "name") }
        if let description { try Validate.text(description, field: "description", max: 2000) }
        let tags = try tags.map { try Validate.tags($0, field: "tags") }
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            var space = try await tx.authorize(.manageSpace, by: actor, space: id, in: community, policy: environment.policy, at: now).space
            if let name { space.name = name }
            if let description { space.description = description }
            if let kind { space.kind = kind }
            if let visibility { space.visibility = visibility }
            if let tags { space.tags = tags }
            try await tx.update(space)
            try await tx.recordActivity(.spaceUpdated, by: actor, subject: SubjectRef("space", id), community: community,
                                        space: id, at: now, ids: environment.ids)
            return space
        }
    }

    /// The space, if `viewer` may see it.
    /// - Throws: `notFound` if it does not exist or the viewer may not know it exists.
    public func space(_ id: SpaceID, in community: CommunityID, viewer: Principal) async throws -> Space {
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            try await tx.authorize(.see, by: viewer, space: id, in: community, policy: environment.policy, at: now).space
        }
    }

    /// The spaces `viewer` may see, in creation order. Secret spaces appear only to their
    /// members and to admins.
    public func spaces(in community: CommunityID, viewer: Principal, after: PageCursor? = nil, limit: Int = 50) async throws -> Page<Space> {
        try Validate.limit(limit)
        var cursor: SpaceID? = try after?.identifier()
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            let acting = try await tx.acting(viewer, in: community, at: now)
            var visible: [Space] = []
            while visible.count < limit {
                let batch = try await tx.spaces(in: community, after: cursor, limit: limit)
                for space in batch where visible.count < limit {
                    cursor = space.id
                    if try await Self.canSee(space, acting: acting, tx: tx, policy: environment.policy) { visible.append(space) }
                }
                if batch.count < limit { return Page(items: visible, nextCursor: nil) }
            }
            return Page(items: visible, nextCursor: cursor.map(PageCursor.init(after:)))
        }
    }

    /// The activity log of a community from a sequence (admins, owners and the system only:
    /// the log covers private spaces).
    /// - Parameters:
    ///   - sequence: Return activities with a greater sequence; 0 for the start.
    ///   - limit: At most this many (1–1,000).
    /// - Throws: `forbidden` for other members.
    public func activities(in community: CommunityID, after sequence: Int64 = 0, limit: Int = 100, by actor: Principal) async throws -> [Activity] {
        try Validate.limit(limit, max: 1000)
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            try await tx.authorize(.manageCommunity, by: actor, in: community, policy: environment.policy, at: now)
            return try await tx.activities(in: community, after: sequence, limit: limit)
        }
    }

    static func canSee(_ space: Space, acting: ActingParty, tx: any StoreReadTransaction, policy: AccessPolicy) async throws -> Bool {
        guard let member = acting.member else { return true }
        let membership = try await tx.membership(of: member.id, in: space.id)
        let role = policy.effectiveRole(communityRole: member.role, membership: membership)
        return policy.allows(.see, in: space.visibility, role: role, isSpaceMember: membership != nil, status: acting.status)
    }

    static func validate(_ branding: Branding) throws {
        if let color = branding.accentColor { try Validate.hexColor(color, field: "branding.accentColor") }
        if let url = branding.logoURL { try Validate.webURL(url, field: "branding.logoURL") }
        if let domain = branding.customDomain { try Validate.hostName(domain, field: "branding.customDomain") }
    }

    static func validate(_ settings: CommunitySettings) throws {
        _ = try Validate.timeZone(settings.timeZoneIdentifier, field: "settings.timeZoneIdentifier")
        guard settings.invitationLifetime >= 60, settings.invitationLifetime <= 365 * 86_400 else {
            throw CommunityError.invalidInput("settings.invitationLifetime must be between 60 seconds and 365 days", field: "settings.invitationLifetime")
        }
    }
}
