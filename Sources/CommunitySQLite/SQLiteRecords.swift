import CSQLite
import CommunityCore
import Foundation
import Synchronization

/// Column lists, parameter lists and row decoders of every record kind.
enum SQLiteRecords {
    // MARK: Values

    static func date(_ date: Date) -> SQLiteValue { .real(date.timeIntervalSinceReferenceDate) }

    static func optionalDate(_ date: Date?) -> SQLiteValue { date.map(Self.date) ?? .null }

    static func date(_ row: SQLiteRow, _ column: Int32) -> Date {
        Date(timeIntervalSinceReferenceDate: row.double(column))
    }

    static func optionalDate(_ row: SQLiteRow, _ column: Int32) -> Date? {
        row.isNull(column) ? nil : date(row, column)
    }

    static func json<T: Encodable>(_ value: T) throws -> SQLiteValue {
        // The flat shapes written by the hundred get a hand writer (valid JSON, sorted keys).
        if let strings = value as? [String] { return .text(FlatJSON.write(strings)) }
        if let counts = value as? [String: Int] { return .text(FlatJSON.write(counts)) }
        if let map = value as? [String: String] { return .text(FlatJSON.write(map)) }
        if let ids = value as? [MemberID] { return .text(FlatJSON.write(ids.map(\.description))) }
        let data = try encoder.encode(value)
        return .text(String(decoding: data, as: UTF8.self))
    }

    /// One encoder for every row (sorted keys, so equal values store equal text).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json<T: Decodable & Sendable>(_ type: T.Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> T {
        let text = row.text(column)
        // Most list and map columns (mentions, links, tags, reaction counts) are empty: decode an
        // empty value once per type instead of running a decoder per row.
        if text == "[]" || text == "{}" {
            let key = EmptyKey(type: ObjectIdentifier(type), text: text)
            if let cached = emptyValues.withLock({ $0[key] }) as? T { return cached }
            let value = try decode(type, text, field: field)
            emptyValues.withLock { $0[key] = value }
            return value
        }
        // The shapes rows decode by the hundred get an exact fast reader (falling back when unusual).
        if T.self == [String: Int].self, let counts = FlatJSON.counts(text) as? T { return counts }
        if T.self == [String].self, let strings = FlatJSON.strings(text) as? T { return strings }
        if T.self == [MemberID].self, let strings = FlatJSON.strings(text) {
            let ids = strings.compactMap(MemberID.init)
            if ids.count == strings.count, let typed = ids as? T { return typed }
        }
        return try decode(type, text, field: field)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, field: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw corrupt("the \(field) column does not hold valid JSON")
        }
    }

    /// One decoder for every row: it holds no per-call state.
    private static let decoder = JSONDecoder()

    private struct EmptyKey: Hashable {
        var type: ObjectIdentifier
        var text: String
    }

    /// Decoded empty values per type (`[]`, `{}`); immutable value types, safe to share.
    private static let emptyValues = Mutex<[EmptyKey: any Sendable]>([:])

    static func enumeration<E: RawRepresentable>(_ type: E.Type, _ row: SQLiteRow, _ column: Int32, field: String) throws -> E where E.RawValue == String {
        let text = row.text(column)
        guard let value = E(rawValue: text) else { throw corrupt("the \(field) column holds an unknown value '\(text)'") }
        return value
    }

    static func corrupt(_ message: String) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_CORRUPT, message: message, context: "decoding a stored record")
    }

    /// `member:<id>` or `system:<name>`.
    static func principal(_ principal: Principal) -> SQLiteValue { .text(principal.description) }

    static func principal(_ text: String) throws -> Principal {
        if text.hasPrefix("member:"), let id = MemberID(String(text.dropFirst(7))) { return .member(id) }
        if text.hasPrefix("system:") { return .system(String(text.dropFirst(7))) }
        throw corrupt("'\(text)' is not a stored principal")
    }

    static func optionalPrincipal(_ row: SQLiteRow, _ column: Int32) throws -> Principal? {
        try row.optionalText(column).map(principal)
    }

    // MARK: Community

    static let communityColumns = "id, slug, name, description, branding, settings, created_at"

    static func values(_ community: Community) throws -> [SQLiteValue] {
        [.id(community.id), .text(community.slug), .text(community.name), .text(community.description),
         try json(community.branding), try json(community.settings), date(community.createdAt)]
    }

    static func community(_ row: SQLiteRow) throws -> Community {
        Community(
            id: try row.id(0), name: row.text(2), slug: row.text(1), description: row.text(3),
            branding: try json(Branding.self, row, 4, field: "communities.branding"),
            settings: try json(CommunitySettings.self, row, 5, field: "communities.settings"),
            createdAt: date(row, 6))
    }

    // MARK: Member

    static let memberColumns = "id, community_id, handle, display_name, bio, avatar_url, interests, role, status, status_until, status_reason, joined_at, is_bot"
    static let memberColumnCount: Int32 = 13

    static func values(_ member: Member) throws -> [SQLiteValue] {
        let status: (String, SQLiteValue, SQLiteValue)
        switch member.status {
        case .active: status = ("active", .null, .null)
        case .suspended(let until, let reason): status = ("suspended", date(until), .text(reason))
        case .banned(let reason): status = ("banned", .null, .text(reason))
        }
        return [
            .id(member.id), .id(member.communityID), .text(member.handle), .text(member.displayName), .text(member.bio),
            .optionalText(member.avatarURL?.absoluteString), try json(member.interests), .text(member.role.rawValue),
            .text(status.0), status.1, status.2, date(member.joinedAt), .integer(member.isBot ? 1 : 0),
        ]
    }

    static func member(_ row: SQLiteRow) throws -> Member {
        let status: MemberStatus
        switch row.text(8) {
        case "active": status = .active
        case "suspended": status = .suspended(until: date(row, 9), reason: row.text(10))
        case "banned": status = .banned(reason: row.text(10))
        case let other: throw corrupt("the members.status column holds an unknown value '\(other)'")
        }
        return Member(
            id: try row.id(0), communityID: try row.id(1), handle: row.text(2), displayName: row.text(3), bio: row.text(4),
            avatarURL: row.optionalText(5).flatMap { URL(string: $0) },
            interests: try json([String].self, row, 6, field: "members.interests"),
            role: try enumeration(Role.self, row, 7, field: "members.role"),
            status: status, joinedAt: date(row, 11), isBot: row.int64(12) != 0)
    }

    // MARK: Space

    static let spaceColumns = "id, community_id, slug, name, description, kind, visibility, tags, created_at"
    static let spaceColumnCount: Int32 = 9

    static func values(_ space: Space) throws -> [SQLiteValue] {
        [.id(space.id), .id(space.communityID), .text(space.slug), .text(space.name), .text(space.description),
         .text(space.kind.rawValue), .text(space.visibility.rawValue), try json(space.tags), date(space.createdAt)]
    }

    static func space(_ row: SQLiteRow) throws -> Space {
        Space(
            id: try row.id(0), communityID: try row.id(1), name: row.text(3), slug: row.text(2), description: row.text(4),
            kind: try enumeration(Space.Kind.self, row, 5, field: "spaces.kind"),
            visibility: try enumeration(Space.Visibility.self, row, 6, field: "spaces.visibility"),
            tags: try json([String].self, row, 7, field: "spaces.tags"), createdAt: date(row, 8))
    }

    // MARK: Membership

    static let membershipColumns = "space_id, member_id, community_id, role_override, joined_at"

    static func values(_ membership: Membership) -> [SQLiteValue] {
        [.id(membership.spaceID), .id(membership.memberID), .id(membership.communityID),
         .optionalText(membership.roleOverride?.rawValue), date(membership.joinedAt)]
    }

    static func membership(_ row: SQLiteRow) throws -> Membership {
        Membership(
            communityID: try row.id(2), spaceID: try row.id(0), memberID: try row.id(1),
            roleOverride: row.isNull(3) ? nil : try enumeration(Role.self, row, 3, field: "memberships.role_override"),
            joinedAt: date(row, 4))
    }

    // MARK: Invitation

    static let invitationColumns = "id, community_id, space_id, token, role, invited_by, created_at, expires_at, redeemed_by"

    static func values(_ invitation: Invitation) -> [SQLiteValue] {
        [.id(invitation.id), .id(invitation.communityID), .optionalID(invitation.spaceID), .text(invitation.token),
         .text(invitation.role.rawValue), principal(invitation.invitedBy), date(invitation.createdAt),
         date(invitation.expiresAt), .optionalID(invitation.redeemedBy)]
    }

    static func invitation(_ row: SQLiteRow) throws -> Invitation {
        Invitation(
            id: try row.id(0), communityID: try row.id(1), spaceID: try row.optionalID(2), token: row.text(3),
            role: try enumeration(Role.self, row, 4, field: "invitations.role"),
            invitedBy: try principal(row.text(5)), createdAt: date(row, 6), expiresAt: date(row, 7),
            redeemedBy: try row.optionalID(8))
    }

    // MARK: Join request

    static let joinRequestColumns = "id, community_id, space_id, member_id, message, state, created_at, decided_by, decided_at"

    static func values(_ request: JoinRequest) -> [SQLiteValue] {
        [.id(request.id), .id(request.communityID), .id(request.spaceID), .id(request.memberID), .text(request.message),
         .text(request.state.rawValue), date(request.createdAt), request.decidedBy.map(principal) ?? .null,
         optionalDate(request.decidedAt)]
    }

    static func joinRequest(_ row: SQLiteRow) throws -> JoinRequest {
        JoinRequest(
            id: try row.id(0), communityID: try row.id(1), spaceID: try row.id(2), memberID: try row.id(3),
            message: row.text(4), state: try enumeration(JoinRequest.State.self, row, 5, field: "join_requests.state"),
            createdAt: date(row, 6), decidedBy: try optionalPrincipal(row, 7), decidedAt: optionalDate(row, 8))
    }

    // MARK: Activity

    static let activityColumns = "sequence, id, community_id, actor, verb, subject_kind, subject_id, space_id, occurred_at, payload"

    /// The values of every column but `sequence` (assigned by the insert).
    static func values(_ activity: Activity) throws -> [SQLiteValue] {
        [.id(activity.id), .id(activity.communityID), principal(activity.actor), .text(activity.verb.rawValue),
         .text(activity.subject.kind), .text(activity.subject.id), .optionalID(activity.spaceID),
         date(activity.occurredAt), try json(activity.payload)]
    }

    static func activity(_ row: SQLiteRow) throws -> Activity {
        Activity(
            id: try row.id(1), sequence: row.int64(0), communityID: try row.id(2), actor: try principal(row.text(3)),
            verb: ActivityVerb(rawValue: row.text(4)), subject: SubjectRef(kind: row.text(5), id: row.text(6)),
            spaceID: try row.optionalID(7), occurredAt: date(row, 8),
            payload: try json([String: String].self, row, 9, field: "activities.payload"))
    }
}
