// The child process of CommunitySQLiteTests' crash test (not a product).
//
// Usage: sqlite-crash-writer <database path> <community id> <full|normal>
//
// Opens the store, then loops forever: one write transaction inserts a member AND appends its
// `member.joined` activity; after the commit returns, the member's id is printed on its own
// line and stdout is flushed. The test kills this process with SIGKILL at a random moment and
// checks that every printed (acknowledged) id survived, and that no member lacks its activity.
import CommunityCore
import CommunitySQLite
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let communityID = CommunityID(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: sqlite-crash-writer <path> <community id> <full|normal>\n".utf8))
    exit(64)
}
let synchronous: SQLiteCommunityStore.Configuration.Synchronous = arguments[3] == "full" ? .full : .normal

// Transaction bodies must not be main-actor isolated (the transaction is not Sendable), so the
// loop lives in a nonisolated function rather than in top-level code.
func writeForever(path: String, communityID: CommunityID, synchronous: SQLiteCommunityStore.Configuration.Synchronous) async throws {
    let store = try SQLiteCommunityStore(path: path, configuration: .init(synchronous: synchronous))
    let ids = IDGenerator.uuidV7
    let clock = SystemClock()
    try await store.write { tx in
        if try await tx.community(communityID) == nil {
            try await tx.insert(Community(id: communityID, name: "Crash", slug: "crash", createdAt: clock.now))
        }
    }
    var index = 0
    while true {
        index += 1
        let memberID: MemberID = ids.next(at: clock.now)
        let handle = "m\(memberID.low % 1_000_000_000)x\(index)"
        try await store.write { tx in
            try await tx.insert(Member(id: memberID, communityID: communityID, handle: handle, displayName: "Member \(index)", joinedAt: clock.now))
            _ = try await tx.append(Activity(
                id: ids.next(at: clock.now), communityID: communityID, actor: .member(memberID), verb: .memberJoined,
                subject: SubjectRef("member", memberID), occurredAt: clock.now))
        }
        FileHandle.standardOutput.write(Data("\(memberID)\n".utf8))
    }
}

do {
    try await writeForever(path: arguments[1], communityID: communityID, synchronous: synchronous)
} catch {
    FileHandle.standardError.write(Data("sqlite-crash-writer: \(error)\n".utf8))
    exit(1)
}
