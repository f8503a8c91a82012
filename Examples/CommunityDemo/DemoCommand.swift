import CommunityKit
import Foundation

/// The main job: builds a community on the embedded SQLite default (or in memory), shows who may
/// do what, and runs a day of discussions. A second run reopens the file and carries on.
enum DemoCommand {
    static let usage = """
        usage: community-demo [--db PATH | --memory]
          --db PATH   the SQLite database to create or reopen (default: community-demo.sqlite)
          --memory    use the in-memory backend instead (nothing is kept)
        """

    static func run(_ arguments: [String]) async -> Int32 {
        var path = "community-demo.sqlite"
        var memory = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--memory": memory = true
            case "--db":
                guard let value = rest.popFirst(), !value.isEmpty else { return fail("--db needs a path", usage: true) }
                path = value
            default: return fail("unknown argument '\(argument)'", usage: true)
            }
        }
        do {
            let store: any CommunityStore = memory ? InMemoryCommunityStore() : try SQLiteCommunityStore(path: path)
            print(memory ? "backend: in memory (nothing is kept)" : "backend: SQLite file \(path)")
            let kit = CommunityKit(store: store)
            if let existing = try? await kit.communities.community(slug: "swift-paris") {
                try await reopen(kit, existing)
            } else {
                try await Tour(kit: kit).run()
            }
            return 0
        } catch {
            return fail("\(error)", usage: false)
        }
    }

    static func fail(_ message: String, usage: Bool) -> Int32 {
        FileHandle.standardError.write(Data("community-demo: \(message)\n\(usage ? self.usage + "\n" : "")".utf8))
        return usage ? 64 : 1
    }

    /// A later run: the data of the first run is still there; one more day happens.
    static func reopen(_ kit: CommunityKit, _ community: Community) async throws {
        let system = Principal.system("demo")
        let log = try await kit.communities.activities(in: community.id, limit: 1000, by: system)  // the demo's log stays small
        let members = try await kit.members.directory(of: community.id, limit: 200, by: system).items
        let spaces = try await kit.communities.spaces(in: community.id, viewer: system).items
        section("Reopened \(community.name)")
        print("created \(community.createdAt.formatted(.iso8601)); \(members.count) members, \(spaces.count) spaces, \(log.count) activities kept")
        guard let ada = members.first(where: { $0.handle == "ada" }), let general = spaces.first(where: { $0.slug == "general" }) else { return }
        let day = (try await kit.discussions.threads(in: general.id, of: community.id, limit: 200, by: system).items.count)
        let started = try await kit.discussions.startThread(in: general.id, of: community.id, title: "Day \(day + 1) check-in",
                                                            body: "Who is coming to the next meetup?", by: .member(ada.id))
        print("@ada started \"\(started.thread.title)\" in #general")
        for member in members where member.handle != "ada" && member.role != .guest {
            let unread = try await kit.discussions.unreadCounts(in: community.id, by: .member(member.id)).reduce(0) { $0 + $1.posts }
            print("  @\(member.handle.padding(toLength: 8, withPad: " ", startingAt: 0)) \(unread) unread posts")
        }
    }

    static func section(_ title: String) {
        print("\n== \(title) ==")
    }
}
