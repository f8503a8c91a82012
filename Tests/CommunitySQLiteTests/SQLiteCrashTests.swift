import CommunityCore
import CommunitySQLite
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process writes in a loop and is killed with SIGKILL at a random moment: on reopen the
/// database is sound, every acknowledged write is there, and no write is visible half done.
@Suite(.serialized) struct SQLiteCrashTests {
    @Test(arguments: [
        (1, SQLiteCommunityStore.Configuration.Synchronous.normal), (2, .full), (3, .normal), (4, .full),
    ])
    func acknowledgedWritesSurviveAKill(round: Int, synchronous: SQLiteCommunityStore.Configuration.Synchronous) async throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let communityID = CommunityID(UUID())
        var acknowledged: [MemberID] = []
        // Two kills on the same file (more with COMMUNITYKIT_CRASH_KILLS, see scripts/sqlite-crash-stress.sh):
        // each run starts from the previous one's crash.
        let kills = ProcessInfo.processInfo.environment["COMMUNITYKIT_CRASH_KILLS"].flatMap(Int.init).map { max(1, min($0, 1000)) } ?? 2
        for _ in 0..<kills {
            acknowledged += try await runAndKill(path: path, communityID: communityID, synchronous: synchronous)
        }
        #expect(acknowledged.count > 0)

        let store = try SQLiteCommunityStore(path: path)
        #expect(try await store.integrityCheck().isEmpty)
        let members = try await store.read { tx in
            var all: [Member] = []
            var cursor: MemberID?
            while true {
                let page = try await tx.members(in: communityID, after: cursor, limit: 500)
                all += page
                guard let last = page.last else { return all }
                cursor = last.id
            }
        }
        let activities = try await store.read { tx in
            var all: [Activity] = []
            while true {
                let page = try await tx.activities(in: communityID, after: all.last?.sequence ?? 0, limit: 500)
                guard !page.isEmpty else { return all }
                all += page
            }
        }
        let memberIDs = Set(members.map(\.id))
        #expect(memberIDs.isSuperset(of: acknowledged), "an acknowledged write was lost")
        // Each write inserted a member and its activity in one transaction: they come in pairs.
        #expect(members.count == activities.count)
        #expect(Set(activities.map(\.subject.id)) == Set(members.map(\.id.description)))
        #expect(activities.map(\.sequence) == (0..<Int64(activities.count)).map { $0 + 1 })
        // The store keeps working after the crash.
        try await store.write { tx in
            try await tx.insert(Member(id: MemberID(UUID()), communityID: communityID, handle: "after_crash", displayName: "After", joinedAt: Date()))
        }
    }

    /// Starts the writer, lets it acknowledge writes for a random while, kills it with SIGKILL,
    /// and returns the ids it printed on complete lines.
    private func runAndKill(path: String, communityID: CommunityID, synchronous: SQLiteCommunityStore.Configuration.Synchronous) async throws -> [MemberID] {
        let process = Process()
        process.executableURL = try Self.writerExecutable()
        process.arguments = [path, communityID.description, synchronous.rawValue]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let received = Mutex(Data())
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            received.withLock { $0.append(data) }
        }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Wait for the first acknowledgement (the child has to start and open the store).
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(15)
        while received.withLock({ !$0.contains(UInt8(ascii: "\n")) }) {
            guard process.isRunning, clock.now < deadline else {
                let message = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
                Issue.record("the writer acknowledged nothing: \(message)")
                return []
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: 30...300)))
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        #expect(process.terminationReason == .uncaughtSignal)

        output.fileHandleForReading.readabilityHandler = nil
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let data = received.withLock { $0 + rest }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line cut by the kill
        return lines.compactMap { MemberID(String($0)) }
    }

    /// The `sqlite-crash-writer` executable, built beside the test bundle.
    static func writerExecutable() throws -> URL {
        var starts: [URL] = [URL(fileURLWithPath: CommandLine.arguments[0])]
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        starts.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        // Fallback: the package's default build folder (`.build/debug/…`), from this file's path.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        starts.append(packageRoot.appendingPathComponent(".build/debug/placeholder"))
        for start in starts {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = folder.appendingPathComponent("sqlite-crash-writer")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw CommunityError(.notFound, "sqlite-crash-writer was not found beside the test bundle; run `swift build --build-tests`")
    }
}
