/// A transaction over ``MemoryState``. Reads see the state directly (the store's lock keeps
/// writers out, or — in a write transaction — this transaction is the only writer). Every write
/// records its inverse in an undo log, replayed in reverse if the body throws.
final class MemoryTransaction: StoreWriteTransaction {
    let state: MemoryState
    private var undoLog: [() -> Void] = []
    private(set) var appendedActivity = false

    init(state: MemoryState) {
        self.state = state
    }

    func rollback() {
        for undo in undoLog.reversed() { undo() }
        undoLog.removeAll()
    }

    func record(_ undo: @escaping () -> Void) {
        undoLog.append(undo)
    }

    /// Replaces `old` by `new` with `replace` (one of the state's `replace(old:new:)` overloads,
    /// which keep its indexes in step) and logs the inverse replacement for ``rollback()``.
    func change<Record>(from old: Record?, to new: Record?, using replace: @escaping (Record?, Record?) -> Void) {
        replace(old, new)
        record { replace(new, old) }
    }

    // MARK: Reads

    func community(_ id: CommunityID) async throws -> Community? { state.communities[id] }

    func community(slug: String) async throws -> Community? {
        state.communityBySlug[slug].flatMap { state.communities[$0] }
    }

    func member(_ id: MemberID, in community: CommunityID) async throws -> Member? {
        guard let member = state.members[id], member.communityID == community else { return nil }
        return member
    }

    func member(handle: String, in community: CommunityID) async throws -> Member? {
        state.memberByHandle[community]?[handle].flatMap { state.members[$0] }
    }

    func members(in community: CommunityID, after: MemberID?, limit: Int) async throws -> [Member] {
        guard let index = state.membersByCommunity[community] else { return [] }
        return index.page(after: after, limit: limit).compactMap { state.members[$0] }
    }

    func members(in community: CommunityID, matching query: DirectoryQuery, after: MemberID?, limit: Int) async throws -> [Member] {
        guard let index = state.directory[community] else { return [] }
        var ids = index.members(matching: query).filter { id in after.map { id > $0 } ?? true }.sorted()
        if ids.count > limit { ids.removeSubrange(max(0, limit)...) }
        return ids.compactMap { state.members[$0] }
    }

    func memberCount(in community: CommunityID, role: Role?) async throws -> Int {
        if let role { return state.roleCounts[community]?[role] ?? 0 }
        return state.membersByCommunity[community]?.count ?? 0
    }

    func space(_ id: SpaceID, in community: CommunityID) async throws -> Space? {
        guard let space = state.spaces[id], space.communityID == community else { return nil }
        return space
    }

    func space(slug: String, in community: CommunityID) async throws -> Space? {
        state.spaceBySlug[community]?[slug].flatMap { state.spaces[$0] }
    }

    func spaces(in community: CommunityID, after: SpaceID?, limit: Int) async throws -> [Space] {
        guard let index = state.spacesByCommunity[community] else { return [] }
        return index.page(after: after, limit: limit).compactMap { state.spaces[$0] }
    }

    func membership(of member: MemberID, in space: SpaceID) async throws -> Membership? {
        state.memberships[space]?[member]
    }

    func memberships(in space: SpaceID, after: MemberID?, limit: Int) async throws -> [Membership] {
        guard let index = state.membersBySpace[space], let records = state.memberships[space] else { return [] }
        return index.page(after: after, limit: limit).compactMap { records[$0] }
    }

    func memberships(of member: MemberID, after: SpaceID?, limit: Int) async throws -> [Membership] {
        guard let index = state.spacesByMember[member] else { return [] }
        return index.page(after: after, limit: limit).compactMap { state.memberships[$0]?[member] }
    }

    func invitation(token: String) async throws -> Invitation? {
        state.invitationByToken[token].flatMap { state.invitations[$0] }
    }

    func invitation(_ id: InvitationID, in community: CommunityID) async throws -> Invitation? {
        guard let invitation = state.invitations[id], invitation.communityID == community else { return nil }
        return invitation
    }

    func joinRequest(_ id: JoinRequestID, in community: CommunityID) async throws -> JoinRequest? {
        guard let request = state.joinRequests[id], request.communityID == community else { return nil }
        return request
    }

    func pendingJoinRequest(of member: MemberID, in space: SpaceID) async throws -> JoinRequest? {
        state.pendingJoinRequest[space]?[member].flatMap { state.joinRequests[$0] }
    }

    func joinRequests(in space: SpaceID, state requestState: JoinRequest.State, after: JoinRequestID?, limit: Int) async throws -> [JoinRequest] {
        guard let index = state.joinRequestsBySpace[space]?[requestState] else { return [] }
        return index.page(after: after, limit: limit).compactMap { state.joinRequests[$0] }
    }

    func activities(in community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] {
        guard let list = state.activitiesByCommunity[community] else { return [] }
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].sequence <= sequence { low = mid + 1 } else { high = mid }
        }
        return Array(list[low..<min(list.count, low + max(0, limit))])
    }

    func activities(inSpace space: SpaceID, of community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] {
        guard state.spaces[space]?.communityID == community, let positions = state.activityPositionsBySpace[space],
              let list = state.activitiesByCommunity[community]
        else { return [] }
        var low = 0, high = positions.count
        while low < high {
            let mid = (low + high) / 2
            if positions[mid].sequence <= sequence { low = mid + 1 } else { high = mid }
        }
        return positions[low..<min(positions.count, low + max(0, limit))].map { list[$0.position] }
    }

    func lastActivitySequence() async throws -> Int64 { state.lastSequence }

    // MARK: Writes

    func insert(_ community: Community) async throws {
        guard state.communities[community.id] == nil else {
            throw CommunityError.conflict("a community with id \(community.id) already exists", field: "id")
        }
        guard state.communityBySlug[community.slug] == nil else {
            throw CommunityError.conflict("the community slug '\(community.slug)' is already taken", field: "slug")
        }
        change(from: nil, to: community, using: state.replace(old:new:))
    }

    func update(_ community: Community) async throws {
        guard let old = state.communities[community.id] else {
            throw CommunityError.notFound("no community with id \(community.id)", field: "id")
        }
        if old.slug != community.slug, state.communityBySlug[community.slug] != nil {
            throw CommunityError.conflict("the community slug '\(community.slug)' is already taken", field: "slug")
        }
        change(from: old, to: community, using: state.replace(old:new:))
    }

    func insert(_ member: Member) async throws {
        guard state.communities[member.communityID] != nil else {
            throw CommunityError.notFound("no community with id \(member.communityID)", field: "communityID")
        }
        guard state.members[member.id] == nil else {
            throw CommunityError.conflict("a member with id \(member.id) already exists", field: "id")
        }
        guard state.memberByHandle[member.communityID]?[member.handle] == nil else {
            throw CommunityError.conflict("the handle '\(member.handle)' is already taken in this community", field: "handle")
        }
        change(from: nil, to: member, using: state.replace(old:new:))
    }

    func update(_ member: Member) async throws {
        guard let old = state.members[member.id], old.communityID == member.communityID else {
            throw CommunityError.notFound("no member with id \(member.id) in this community", field: "id")
        }
        if old.handle != member.handle, state.memberByHandle[member.communityID]?[member.handle] != nil {
            throw CommunityError.conflict("the handle '\(member.handle)' is already taken in this community", field: "handle")
        }
        change(from: old, to: member, using: state.replace(old:new:))
    }

    func deleteMember(_ id: MemberID, in community: CommunityID) async throws {
        guard let old = state.members[id], old.communityID == community else {
            throw CommunityError.notFound("no member with id \(id) in this community", field: "id")
        }
        for space in state.spacesByMember[id]?.keys ?? [] {
            if let membership = state.memberships[space]?[id] {
                change(from: membership, to: nil, using: state.replace(old:new:))
            }
        }
        for requestID in state.joinRequestsByMember[id] ?? [] {
            if let request = state.joinRequests[requestID] {
                change(from: request, to: nil, using: state.replace(old:new:))
            }
        }
        change(from: old, to: nil, using: state.replace(old:new:))
    }

    func insert(_ space: Space) async throws {
        guard state.communities[space.communityID] != nil else {
            throw CommunityError.notFound("no community with id \(space.communityID)", field: "communityID")
        }
        guard state.spaces[space.id] == nil else {
            throw CommunityError.conflict("a space with id \(space.id) already exists", field: "id")
        }
        guard state.spaceBySlug[space.communityID]?[space.slug] == nil else {
            throw CommunityError.conflict("the space slug '\(space.slug)' is already taken in this community", field: "slug")
        }
        change(from: nil, to: space, using: state.replace(old:new:))
    }

    func update(_ space: Space) async throws {
        guard let old = state.spaces[space.id], old.communityID == space.communityID else {
            throw CommunityError.notFound("no space with id \(space.id) in this community", field: "id")
        }
        if old.slug != space.slug, state.spaceBySlug[space.communityID]?[space.slug] != nil {
            throw CommunityError.conflict("the space slug '\(space.slug)' is already taken in this community", field: "slug")
        }
        change(from: old, to: space, using: state.replace(old:new:))
    }

    func upsert(_ membership: Membership) async throws {
        guard let member = state.members[membership.memberID], member.communityID == membership.communityID else {
            throw CommunityError.notFound("no member with id \(membership.memberID) in this community", field: "memberID")
        }
        guard let space = state.spaces[membership.spaceID], space.communityID == membership.communityID else {
            throw CommunityError.notFound("no space with id \(membership.spaceID) in this community", field: "spaceID")
        }
        let old = state.memberships[membership.spaceID]?[membership.memberID]
        change(from: old, to: membership, using: state.replace(old:new:))
    }

    func deleteMembership(of member: MemberID, in space: SpaceID) async throws {
        guard let old = state.memberships[space]?[member] else {
            throw CommunityError.notFound("member \(member) is not in space \(space)", field: "memberID")
        }
        change(from: old, to: nil, using: state.replace(old:new:))
    }

    func insert(_ invitation: Invitation) async throws {
        guard state.invitations[invitation.id] == nil, state.invitationByToken[invitation.token] == nil else {
            throw CommunityError.conflict("an invitation with this id or token already exists", field: "token")
        }
        change(from: nil, to: invitation, using: state.replace(old:new:))
    }

    func update(_ invitation: Invitation) async throws {
        guard let old = state.invitations[invitation.id], old.communityID == invitation.communityID else {
            throw CommunityError.notFound("no invitation with id \(invitation.id) in this community", field: "id")
        }
        if old.token != invitation.token, state.invitationByToken[invitation.token] != nil {
            throw CommunityError.conflict("an invitation with this token already exists", field: "token")
        }
        change(from: old, to: invitation, using: state.replace(old:new:))
    }

    func insert(_ request: JoinRequest) async throws {
        guard state.joinRequests[request.id] == nil else {
            throw CommunityError.conflict("a join request with id \(request.id) already exists", field: "id")
        }
        if request.state == .pending, state.pendingJoinRequest[request.spaceID]?[request.memberID] != nil {
            throw CommunityError.conflict("the member already has a pending request for this space", field: "spaceID")
        }
        change(from: nil, to: request, using: state.replace(old:new:))
    }

    func update(_ request: JoinRequest) async throws {
        guard let old = state.joinRequests[request.id], old.communityID == request.communityID else {
            throw CommunityError.notFound("no join request with id \(request.id) in this community", field: "id")
        }
        if request.state == .pending, let pending = state.pendingJoinRequest[request.spaceID]?[request.memberID], pending != request.id {
            throw CommunityError.conflict("the member already has a pending request for this space", field: "spaceID")
        }
        change(from: old, to: request, using: state.replace(old:new:))
    }

    func append(_ activity: Activity) async throws -> Activity {
        var stored = activity
        stored.sequence = state.lastSequence + 1
        state.appendActivity(stored)
        appendedActivity = true
        record { [state] in state.removeLastActivity(stored) }
        return stored
    }
}
