/// The one place that answers "may this actor do this action on this subject?".
///
/// The policy is a pure function of the actor's *effective role* (the community role, or the
/// space's override for members below admin), whether the actor is a member of the space, the
/// space's visibility, and the actor's status. `Documentation/Permissions.md` shows the whole
/// matrix, and a test checks every one of its cells against this type.
///
/// Rules in words:
/// - Owners and admins see, read and manage every space, secret ones included.
/// - Public spaces are readable by everyone in the community; private spaces are listed but
///   readable only by their members; secret spaces are invisible to non-members.
/// - Writing (post, react) needs the member role or above and read access; moderation needs
///   the moderator role (community-wide or as the space's override) and read access.
/// - Suspended members read public spaces and the directory and write nothing; banned members
///   read public spaces only. Neither reads anything private.
/// - The system principal (the host) may do everything.
///
/// ```swift
/// let policy = AccessPolicy()
/// policy.allows(.post, in: .private, role: .member, isSpaceMember: false, status: .active) // false
/// ```
public struct AccessPolicy: Sendable {
    /// Creates the policy.
    public init() {}

    /// Actions on the community as a whole.
    public enum CommunityAction: String, CaseIterable, Sendable {
        /// Browse and search the member directory.
        case viewDirectory
        /// Create invitations to the community.
        case inviteMembers
        /// Change members' roles (community or space overrides).
        case changeRoles
        /// Suspend members for a while.
        case suspendMembers
        /// Ban and unban members.
        case banMembers
        /// Create spaces.
        case manageSpaces
        /// Edit the community's name, description, branding and settings.
        case manageCommunity
    }

    /// Actions on one space.
    public enum SpaceAction: String, CaseIterable, Sendable {
        /// Know that the space exists (listing, its name).
        case see
        /// Read its content and its member list.
        case read
        /// Enter it directly.
        case join
        /// Ask to enter it (private spaces).
        case requestToJoin
        /// Start threads and reply.
        case post
        /// React to posts.
        case react
        /// Start an announcement.
        case startAnnouncement
        /// Pin, lock, hide or delete others' content; handle flags.
        case moderate
        /// Approve join requests, invite to and remove from the space.
        case manageMembers
        /// Edit the space's name, description, kind, visibility and tags.
        case manageSpace
    }

    /// Whether a member with `role` and `status` may perform a community-wide action.
    public func allows(_ action: CommunityAction, role: Role, status: MemberStatus.Kind) -> Bool {
        switch status {
        case .banned: return false
        case .suspended: return action == .viewDirectory && role >= .member
        case .active: break
        }
        switch action {
        case .viewDirectory, .inviteMembers: return role >= .member
        case .suspendMembers: return role >= .moderator
        case .changeRoles, .banMembers, .manageSpaces, .manageCommunity: return role >= .admin
        }
    }

    /// Whether a member may perform an action in a space.
    /// - Parameters:
    ///   - action: The action.
    ///   - visibility: The space's visibility.
    ///   - role: The member's effective role in the space (see ``effectiveRole(communityRole:membership:)``).
    ///   - isSpaceMember: Whether the member has a membership of the space.
    ///   - status: The member's effective status.
    public func allows(_ action: SpaceAction, in visibility: Space.Visibility, role: Role, isSpaceMember: Bool, status: MemberStatus.Kind) -> Bool {
        let manager = role >= .admin
        let canRead = visibility == .public || isSpaceMember || manager
        guard status == .active else {
            return visibility == .public && (action == .see || action == .read)
        }
        switch action {
        case .see: return visibility != .secret || isSpaceMember || manager
        case .read: return canRead
        case .join: return !isSpaceMember && (visibility == .public ? role >= .member : manager)
        case .requestToJoin: return visibility == .private && !isSpaceMember && role >= .member
        case .post, .react: return canRead && role >= .member
        case .startAnnouncement, .moderate, .manageMembers: return canRead && role >= .moderator
        case .manageSpace: return manager
        }
    }

    /// The role that applies in a space: owners and admins keep theirs everywhere; anyone else
    /// takes the membership's override if it has one.
    public func effectiveRole(communityRole: Role, membership: Membership?) -> Role {
        guard communityRole < .admin, let override = membership?.roleOverride else { return communityRole }
        return min(override, .moderator)
    }
}
