import CommunityKit
import Foundation

/// The first run of the demo: a community, its members and spaces, permissions, discussions.
struct Tour {
    let kit: CommunityKit
    /// Prints nothing when quiet (`community-demo insights` builds the community silently).
    var quiet = false

    private func say(_ line: String) {
        if !quiet { print(line) }
    }

    private func section(_ title: String) {
        say("\n== \(title) ==")
    }

    /// Builds the community and tours it. - Returns: The community.
    @discardableResult
    func run() async throws -> CommunityID {
        section("A community of its own")
        let created = try await kit.communities.createCommunity(
            name: "Swift Paris", slug: "swift-paris", description: "Swift server developers in Paris and beyond",
            branding: Branding(accentColor: "#F05138", customDomain: "community.swift-paris.example"),
            owner: MemberProfile(handle: "ada", displayName: "Ada Lovelace", interests: ["swift", "math"]))
        let community = created.community.id
        let owner = Principal.member(created.owner.id)
        say("created \(created.community.name) (\(created.community.slug)) owned by @\(created.owner.handle)")

        let eloise = try await join(community, "eloise", "Éloïse Martin", ["swift", "design"])
        let marc = try await join(community, "marc", "Marc Dupont", ["vapor", "postgres"])
        let grace = try await join(community, "grace", "Grace Hopper", ["compilers"])
        let linus = try await join(community, "linus", "Linus T.", ["kernels", "swift"])
        let visitor = try await kit.members.join(community, profile: MemberProfile(handle: "visitor", displayName: "A Visitor"), role: .guest)
        let moderator = try await kit.members.changeRole(of: grace.id, in: community, to: .moderator, by: owner)
        say("4 members joined, @visitor as guest, @grace promoted to moderator")

        section("Spaces")
        let general = try await kit.communities.createSpace(in: community, name: "General", slug: "general", tags: ["general"], by: owner)
        let help = try await kit.communities.createSpace(in: community, name: "Help", slug: "help", kind: .questions, tags: ["product"], by: owner)
        let core = try await kit.communities.createSpace(in: community, name: "Core team", slug: "core", visibility: .private, by: owner)
        let staff = try await kit.communities.createSpace(in: community, name: "Staff room", slug: "staff", visibility: .secret, by: owner)
        try await kit.members.addMember(moderator.id, toSpace: staff.id, in: community, by: owner)
        let request = try await kit.members.requestToJoin(core.id, in: community, message: "I maintain the Postgres driver", member: marc.id)
        try await kit.members.approve(request.id, in: community, by: owner)
        for space in [general, help, core, staff] {
            say("  #\(pad(space.slug, 8)) \(pad(space.kind.rawValue, 11)) \(space.visibility.rawValue)")
        }
        say("@marc asked to join #core and was approved")

        section("Directory")
        for member in try await kit.members.directory(of: community, by: .member(linus.id)).items {
            say("  @\(pad(member.handle, 8)) \(pad(member.displayName, 14)) \(pad(member.role.rawValue, 10)) \(member.interests.joined(separator: ", "))")
        }
        let found = try await kit.members.directory(of: community, matching: "elo", by: owner)
        say("search \"elo\" (accents folded) → \(found.items.map { "@\($0.handle)" }.joined(separator: ", "))")

        section("Who may do what")
        let policy = kit.environment.policy
        for (label, member) in [("guest @visitor", visitor), ("moderator @grace", moderator)] {
            let spaces = try await kit.communities.spaces(in: community, viewer: .member(member.id)).items
            say("\(label) sees: \(spaces.map { "#\($0.slug)" }.joined(separator: " "))")
            for action in [AccessPolicy.SpaceAction.read, .post, .moderate] {
                var cells: [String] = []
                for space in spaces {
                    let membership = try await kit.environment.store.read { tx in try await tx.membership(of: member.id, in: space.id) }
                    let role = policy.effectiveRole(communityRole: member.role, membership: membership)
                    let allowed = policy.allows(action, in: space.visibility, role: role, isSpaceMember: membership != nil, status: .active)
                    cells.append("#\(space.slug) \(allowed ? "yes" : "no")")
                }
                say("  \(pad(action.rawValue, 9)) \(cells.joined(separator: "  "))")
            }
        }
        do {
            _ = try await kit.discussions.startThread(in: general.id, of: community, title: "Hello", body: "Hi!", by: .member(visitor.id))
        } catch let error as CommunityError {
            say("@visitor tries to post in #general → \(error.code): \(error.message)")
        }

        section("Discussions")
        let discussions = kit.discussions
        try await discussions.follow(.space(help.id), in: community, by: .member(linus.id))
        let welcome = try await discussions.startThread(
            in: general.id, of: community, title: "Bienvenue ! Prochain événement le 12", body: "Welcome everyone — our next **événement** is on the 12th. Say hi @eloise!",
            tags: ["meetup"], by: owner)
        try await discussions.reply(to: welcome.thread.id, in: community, body: "Merci ! I'll bring croissants 🥐", by: .member(eloise.id))
        try await discussions.react(to: welcome.firstPost.id, in: community, with: "🎉", by: .member(eloise.id))
        try await discussions.react(to: welcome.firstPost.id, in: community, with: "🎉", by: .member(marc.id))
        try await discussions.react(to: welcome.firstPost.id, in: community, with: "👍", by: .member(linus.id))
        let question = try await discussions.startThread(
            in: help.id, of: community, kind: .question, title: "How do I paginate a Postgres query with a cursor?",
            body: "OFFSET gets slow on big tables. What do you use?", by: .member(eloise.id))
        try await discussions.reply(to: question.thread.id, in: community, body: "Have you read the docs?", by: .member(grace.id))
        let answer = try await discussions.reply(
            to: question.thread.id, in: community, body: "Keyset pagination: `WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, id DESC LIMIT 50`.",
            by: .member(marc.id))
        let answered = try await discussions.accept(answer.id, in: community, by: .member(eloise.id))
        let byWhom = answered.acceptedAnswer.map { $0.byStaff ? "staff" : "a peer" } ?? "nobody"
        say("#general: \"\(welcome.thread.title)\" — 1 reply, reactions \(try await reactionLine(welcome.firstPost.id, community))")
        say("#help: @eloise asked \"\(question.thread.title)\"")
        say("  @grace (moderator) replied first; @marc answered; @eloise accepted @marc's reply → answered by \(byWhom)")

        let unread = try await discussions.unreadCounts(in: community, by: .member(linus.id))
        let lines = try await unread.filter { $0.posts > 0 }.asyncMap { count in
            "#\(try await kit.communities.space(count.spaceID, in: community, viewer: .member(linus.id)).slug): \(count.threads) threads, \(count.posts) posts"
        }
        say("@linus has unread: \(lines.joined(separator: "; "))")
        let inbox = try await discussions.inbox(in: community, by: .member(linus.id)).items
        say("@linus's inbox: \(inbox.map { "\($0.kind.rawValue) “\($0.summary.prefix(40))”" }.joined(separator: ", "))")
        let hits = try await discussions.search("evenement", in: community, by: .member(linus.id)).items
        say("search \"evenement\" (no accent) → \(hits.map { "“\($0.thread.title)”" }.joined(separator: ", "))")

        section("Moderation")
        try await kit.members.suspend(linus.id, in: community, for: 86_400, reason: "heated thread", by: .member(moderator.id))
        say("@grace suspended @linus for 24 h")
        do {
            try await discussions.reply(to: welcome.thread.id, in: community, body: "but…", by: .member(linus.id))
        } catch let error as CommunityError {
            say("@linus tries to reply → \(error.code): \(error.message)")
        }

        section("Activity log")
        let log = try await kit.communities.activities(in: community, limit: 1000, by: owner)
        let counts = Dictionary(grouping: log, by: \.verb.rawValue).mapValues(\.count).sorted { $0.key < $1.key }
        say("\(log.count) activities: " + counts.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        return community
    }

    private func join(_ community: CommunityID, _ handle: String, _ name: String, _ interests: [String]) async throws -> Member {
        try await kit.members.join(community, profile: MemberProfile(handle: handle, displayName: name, interests: interests))
    }

    private func reactionLine(_ post: PostID, _ community: CommunityID) async throws -> String {
        let summary = try await kit.discussions.reactions(on: [post], in: community, by: .system("demo")).first
        return (summary?.counts ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: width, withPad: " ", startingAt: 0)
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
