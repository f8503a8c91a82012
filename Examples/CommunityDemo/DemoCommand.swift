import CommunityKit
import Foundation

/// The main job: builds a small community and shows who may do what.
enum DemoCommand {
    static let usage = """
        usage: community-demo                 build a demo community and tour it
        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard arguments.isEmpty else {
            FileHandle.standardError.write(Data("community-demo: unknown arguments \(arguments.joined(separator: " "))\n\(usage)\n".utf8))
            return 64
        }
        do {
            try await tour(CommunityKit(store: InMemoryCommunityStore()))
            return 0
        } catch {
            FileHandle.standardError.write(Data("community-demo: \(error)\n".utf8))
            return 1
        }
    }

    static func tour(_ kit: CommunityKit) async throws {
        section("A community of its own")
        let created = try await kit.communities.createCommunity(
            name: "Swift Paris", slug: "swift-paris", description: "Swift server developers in Paris and beyond",
            branding: Branding(accentColor: "#F05138", customDomain: "community.swift-paris.example"),
            owner: MemberProfile(handle: "ada", displayName: "Ada Lovelace", interests: ["swift", "math"]))
        let community = created.community.id
        let owner = Principal.member(created.owner.id)
        print("created \(created.community.name) (\(created.community.slug)) owned by @\(created.owner.handle)")

        let people: [(String, String, [String])] = [
            ("eloise", "Éloïse Martin", ["swift", "design"]), ("marc", "Marc Dupont", ["vapor", "postgres"]),
            ("grace", "Grace Hopper", ["compilers"]), ("linus", "Linus T.", ["kernels", "swift"]),
        ]
        var members: [String: Member] = [:]
        for (handle, name, interests) in people {
            members[handle] = try await kit.members.join(community, profile: MemberProfile(handle: handle, displayName: name, interests: interests))
        }
        let visitor = try await kit.members.join(community, profile: MemberProfile(handle: "visitor", displayName: "A Visitor"), role: .guest)
        let moderator = try await kit.members.changeRole(of: members["grace"]!.id, in: community, to: .moderator, by: owner)
        print("\(people.count) members joined, @visitor as guest, @grace promoted to moderator")

        section("Spaces")
        let general = try await kit.communities.createSpace(in: community, name: "General", slug: "general", tags: ["general"], by: owner)
        let help = try await kit.communities.createSpace(in: community, name: "Help", slug: "help", kind: .questions, tags: ["product"], by: owner)
        let core = try await kit.communities.createSpace(in: community, name: "Core team", slug: "core", visibility: .private, by: owner)
        let staff = try await kit.communities.createSpace(in: community, name: "Staff room", slug: "staff", visibility: .secret, by: owner)
        try await kit.members.addMember(moderator.id, toSpace: staff.id, in: community, by: owner)
        try await kit.members.joinSpace(help.id, in: community, member: members["eloise"]!.id)
        let request = try await kit.members.requestToJoin(core.id, in: community, message: "I maintain the Postgres driver", member: members["marc"]!.id)
        try await kit.members.approve(request.id, in: community, by: owner)
        for space in [general, help, core, staff] {
            print("  #\(space.slug.padding(toLength: 8, withPad: " ", startingAt: 0)) \(space.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(space.visibility.rawValue)")
        }
        print("@marc asked to join #core and was approved")

        section("Directory")
        let directory = try await kit.members.directory(of: community, by: .member(members["linus"]!.id))
        for member in directory.items {
            print("  @\(member.handle.padding(toLength: 8, withPad: " ", startingAt: 0)) \(member.displayName.padding(toLength: 14, withPad: " ", startingAt: 0)) \(member.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(member.interests.joined(separator: ", "))")
        }
        let found = try await kit.members.directory(of: community, matching: "elo", by: owner)
        print("search \"elo\" (accents folded) → \(found.items.map { "@\($0.handle)" }.joined(separator: ", "))")

        section("Who may do what")
        let policy = kit.environment.policy
        let viewers: [(String, Member)] = [("guest @visitor", visitor), ("moderator @grace", moderator)]
        for (label, member) in viewers {
            let spaces = try await kit.communities.spaces(in: community, viewer: .member(member.id)).items
            print("\(label) sees: \(spaces.map { "#\($0.slug)" }.joined(separator: " "))")
            for action in [AccessPolicy.SpaceAction.read, .post, .moderate] {
                let cells = try await spaces.asyncMap { space -> String in
                    let membership = try await kit.environment.store.read { tx in try await tx.membership(of: member.id, in: space.id) }
                    let role = policy.effectiveRole(communityRole: member.role, membership: membership)
                    let allowed = policy.allows(action, in: space.visibility, role: role, isSpaceMember: membership != nil, status: .active)
                    return "#\(space.slug) \(allowed ? "yes" : "no")"
                }
                print("  \(action.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(cells.joined(separator: "  "))")
            }
        }
        do {
            try await kit.members.joinSpace(general.id, in: community, member: visitor.id)
        } catch let error as CommunityError {
            print("@visitor tries to join #general → \(error.code): \(error.message)")
        }

        section("Moderation")
        try await kit.members.suspend(members["linus"]!.id, in: community, for: 86_400, reason: "heated thread", by: .member(moderator.id))
        print("@grace suspended @linus for 24 h")
        do {
            _ = try await kit.members.invite(to: community, by: .member(members["linus"]!.id))
        } catch let error as CommunityError {
            print("@linus tries to invite someone → \(error.code): \(error.message)")
        }

        section("Activity log")
        let log = try await kit.communities.activities(in: community, limit: 1000, by: owner)
        let counts = Dictionary(grouping: log, by: \.verb.rawValue).mapValues(\.count).sorted { $0.key < $1.key }
        print("\(log.count) activities: " + counts.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    }

    static func section(_ title: String) {
        print("\n== \(title) ==")
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
