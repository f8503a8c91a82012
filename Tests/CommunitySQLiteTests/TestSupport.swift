import CSQLite
import CommunityCore
@testable import CommunitySQLite
import Foundation
import Synchronization

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("communitykit-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String = "community.sqlite") -> String { url.appendingPathComponent(name).path }
}

/// Deterministic, strictly increasing identifiers and fixed instants for records.
final class Fixtures: Sendable {
    private let counter = Mutex<UInt64>(0)
    let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    func id<S>(_: S.Type = S.self) -> Identifier<S> {
        let n = counter.withLock { value -> UInt64 in
            value += 1
            return value
        }
        return Identifier(high: (1_800_000_000_000 + n) << 16 | 0x7000, low: 0x8000_0000_0000_0000 | n)
    }

    func community(slug: String = "swift-paris") -> Community {
        Community(
            id: id(), name: "Swift Paris", slug: slug, description: "Swift à Paris",
            branding: Branding(accentColor: "#FF6600", logoURL: URL(string: "https://example.com/logo.png")),
            settings: CommunitySettings(joinPolicy: .invitationOnly, invitationLifetime: 3600, timeZoneIdentifier: "Europe/Paris"),
            createdAt: epoch.addingTimeInterval(0.123456789))
    }

    func member(_ community: CommunityID, handle: String, name: String = "Some One", interests: [String] = [], role: Role = .member) -> Member {
        Member(
            id: id(), communityID: community, handle: handle, displayName: name, bio: "bio of \(handle)",
            avatarURL: URL(string: "https://example.com/\(handle).png"), interests: interests, role: role,
            status: .active, joinedAt: epoch.addingTimeInterval(1.5), isBot: false)
    }

    func space(_ community: CommunityID, slug: String, visibility: Space.Visibility = .public) -> Space {
        Space(
            id: id(), communityID: community, name: slug.capitalized, slug: slug, description: "about \(slug)",
            kind: .questions, visibility: visibility, tags: ["product", "général"], createdAt: epoch)
    }

    func activity(_ community: CommunityID, verb: ActivityVerb = .memberJoined, space: SpaceID? = nil, actor: MemberID? = nil) -> Activity {
        Activity(
            id: id(), communityID: community, actor: actor.map { .member($0) } ?? .system("tests"), verb: verb,
            subject: SubjectRef(kind: "member", id: "x"), spaceID: space, occurredAt: epoch,
            payload: ["reason": "because", "role": "admin"])
    }
}

/// Runs raw SQL on a separate connection to the database file (tests only); every column as text.
func rawQuery(_ path: String, _ sql: String) throws -> [[String]] {
    let database = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1))
    return try database.query(sql) { row in
        (0..<sqlite3_column_count(row.statement)).map { row.optionalText($0) ?? "NULL" }
    }
}

/// Runs raw SQL statements on a separate connection (tests only).
func rawExecute(_ path: String, _ sql: String) throws {
    let database = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1))
    try database.executeScript(sql)
}
