/// Every record of the in-memory backend with its indexes.
///
/// Each record kind has one `replace(old:new:)` mutation that removes the stored record with
/// `old`'s key (and its index entries) and stores `new` (`nil` = absent). Undo is the same call with the arguments
/// swapped, which is how a write transaction rolls back without copying collections.
final class MemoryState {
    var communities: [CommunityID: Community] = [:]
    var communityBySlug: [String: CommunityID] = [:]

    var members: [MemberID: Member] = [:]
    var memberByHandle: [CommunityID: [String: MemberID]] = [:]
    var membersByCommunity: [CommunityID: SortedKeys<MemberID>] = [:]
    var roleCounts: [CommunityID: [Role: Int]] = [:]
    var directory: [CommunityID: DirectoryIndex] = [:]

    var spaces: [SpaceID: Space] = [:]
    var spaceBySlug: [CommunityID: [String: SpaceID]] = [:]
    var spacesByCommunity: [CommunityID: SortedKeys<SpaceID>] = [:]

    var memberships: [SpaceID: [MemberID: Membership]] = [:]
    var membersBySpace: [SpaceID: SortedKeys<MemberID>] = [:]
    var spacesByMember: [MemberID: SortedKeys<SpaceID>] = [:]

    var invitations: [InvitationID: Invitation] = [:]
    var invitationByToken: [String: InvitationID] = [:]

    var joinRequests: [JoinRequestID: JoinRequest] = [:]
    var joinRequestsBySpace: [SpaceID: [JoinRequest.State: SortedKeys<JoinRequestID>]] = [:]
    var pendingJoinRequest: [SpaceID: [MemberID: JoinRequestID]] = [:]
    var joinRequestsByMember: [MemberID: Set<JoinRequestID>] = [:]

    var activitiesByCommunity: [CommunityID: [Activity]] = [:]
    var activityPositionsBySpace: [SpaceID: [(sequence: Int64, position: Int)]] = [:]
    var lastSequence: Int64 = 0

    let discussions = MemoryDiscussionState()
    let events = MemoryEventState()
    let live = MemoryLiveState()

    func replace(old: Community?, new: Community?) {
        if let old = old.flatMap({ communities[$0.id] }) {
            communities[old.id] = nil
            communityBySlug[old.slug] = nil
        }
        if let new {
            communities[new.id] = new
            communityBySlug[new.slug] = new.id
        }
    }

    func replace(old: Member?, new: Member?) {
        if let old = old.flatMap({ members[$0.id] }) {
            members[old.id] = nil
            memberByHandle[old.communityID]?[old.handle] = nil
            membersByCommunity[old.communityID]?.remove(old.id)
            roleCounts[old.communityID, default: [:]][old.role, default: 0] -= 1
            directory[old.communityID]?.remove(old)
        }
        if let new {
            members[new.id] = new
            memberByHandle[new.communityID, default: [:]][new.handle] = new.id
            membersByCommunity[new.communityID, default: SortedKeys()].insert(new.id)
            roleCounts[new.communityID, default: [:]][new.role, default: 0] += 1
            directory[new.communityID, default: DirectoryIndex()].insert(new)
        }
    }

    func replace(old: Space?, new: Space?) {
        if let old = old.flatMap({ spaces[$0.id] }) {
            spaces[old.id] = nil
            spaceBySlug[old.communityID]?[old.slug] = nil
            spacesByCommunity[old.communityID]?.remove(old.id)
        }
        if let new {
            spaces[new.id] = new
            spaceBySlug[new.communityID, default: [:]][new.slug] = new.id
            spacesByCommunity[new.communityID, default: SortedKeys()].insert(new.id)
        }
    }

    func replace(old: Membership?, new: Membership?) {
        if let old = old.flatMap({ memberships[$0.spaceID]?[$0.memberID] }) {
            memberships[old.spaceID]?[old.memberID] = nil
            membersBySpace[old.spaceID]?.remove(old.memberID)
            spacesByMember[old.memberID]?.remove(old.spaceID)
        }
        if let new {
            memberships[new.spaceID, default: [:]][new.memberID] = new
            membersBySpace[new.spaceID, default: SortedKeys()].insert(new.memberID)
            spacesByMember[new.memberID, default: SortedKeys()].insert(new.spaceID)
        }
    }

    func replace(old: Invitation?, new: Invitation?) {
        if let old = old.flatMap({ invitations[$0.id] }) {
            invitations[old.id] = nil
            invitationByToken[old.token] = nil
        }
        if let new {
            invitations[new.id] = new
            invitationByToken[new.token] = new.id
        }
    }

    func replace(old: JoinRequest?, new: JoinRequest?) {
        if let old = old.flatMap({ joinRequests[$0.id] }) {
            joinRequests[old.id] = nil
            joinRequestsBySpace[old.spaceID]?[old.state]?.remove(old.id)
            if old.state == .pending { pendingJoinRequest[old.spaceID]?[old.memberID] = nil }
            joinRequestsByMember[old.memberID]?.remove(old.id)
        }
        if let new {
            joinRequests[new.id] = new
            joinRequestsBySpace[new.spaceID, default: [:]][new.state, default: SortedKeys()].insert(new.id)
            if new.state == .pending { pendingJoinRequest[new.spaceID, default: [:]][new.memberID] = new.id }
            joinRequestsByMember[new.memberID, default: []].insert(new.id)
        }
    }

    func appendActivity(_ activity: Activity) {
        var list = activitiesByCommunity[activity.communityID, default: []]
        activitiesByCommunity[activity.communityID] = nil  // keep the array uniquely referenced
        list.append(activity)
        if let space = activity.spaceID {
            activityPositionsBySpace[space, default: []].append((activity.sequence, list.count - 1))
        }
        activitiesByCommunity[activity.communityID] = list
        lastSequence = activity.sequence
    }

    func removeLastActivity(_ activity: Activity) {
        activitiesByCommunity[activity.communityID]?.removeLast()
        if let space = activity.spaceID { activityPositionsBySpace[space]?.removeLast() }
        lastSequence = activity.sequence - 1
    }
}
