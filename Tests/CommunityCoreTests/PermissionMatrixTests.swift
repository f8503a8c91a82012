import CommunityCore
import Foundation
import Testing

/// Reads `Documentation/Permissions.md` and checks every cell of its tables against `AccessPolicy`.
@Suite struct PermissionMatrixTests {
    struct Cell: CustomTestStringConvertible, Sendable {
        var table: String
        var action: String
        var status: MemberStatus.Kind
        var role: Role
        var inSpace: Bool?
        var allowed: Bool
        var testDescription: String {
            "\(table): \(action) by \(status.rawValue) \(role.rawValue)\(inSpace.map { $0 ? " in" : " out" } ?? "") → \(allowed ? "allowed" : "refused")"
        }
    }

    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Documentation/Permissions.md")

    static let cells: [Cell] = {
        guard let text = try? String(contentsOf: documentURL, encoding: .utf8) else { return [] }
        var cells: [Cell] = []
        var table = ""
        var columns: [String] = []
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("## ") { table = String(line.dropFirst(3)); columns = []; continue }
            guard line.hasPrefix("|") else { continue }
            let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.first == "action" { columns = Array(fields.dropFirst(2)); continue }
            guard !columns.isEmpty, fields.count == columns.count + 2, let status = MemberStatus.Kind(rawValue: fields[1]) else { continue }
            for (column, value) in zip(columns, fields.dropFirst(2)) {
                let parts = column.split(separator: " ")
                guard let role = Role(rawValue: String(parts[0])) else { continue }
                cells.append(Cell(table: table, action: fields[0], status: status, role: role,
                                  inSpace: parts.count > 1 ? parts[1] == "in" : nil, allowed: value == "✅"))
            }
        }
        return cells
    }()

    @Test func theDocumentCoversTheWholeMatrix() {
        let community = Self.cells.filter { $0.inSpace == nil }
        let space = Self.cells.filter { $0.inSpace != nil }
        #expect(community.count == AccessPolicy.CommunityAction.allCases.count * 3 * Role.allCases.count)
        #expect(space.count == AccessPolicy.SpaceAction.allCases.count * 3 * Role.allCases.count * 2 * Space.Visibility.allCases.count)
    }

    @Test(arguments: cells)
    func cell(_ cell: Cell) throws {
        let policy = AccessPolicy()
        if let inSpace = cell.inSpace {
            let visibility = try #require(Space.Visibility.allCases.first { cell.table.hasSuffix("\($0.rawValue) spaces") })
            let action = try #require(AccessPolicy.SpaceAction(rawValue: cell.action))
            #expect(policy.allows(action, in: visibility, role: cell.role, isSpaceMember: inSpace, status: cell.status) == cell.allowed)
        } else {
            let action = try #require(AccessPolicy.CommunityAction(rawValue: cell.action))
            #expect(policy.allows(action, role: cell.role, status: cell.status) == cell.allowed)
        }
    }

    @Test func overridesNeverLowerAdminsNorRaiseAboveModerator() {
        let policy = AccessPolicy()
        let membership = { (role: Role) in
            Membership(communityID: CommunityID(high: 1, low: 1), spaceID: SpaceID(high: 1, low: 2), memberID: MemberID(high: 1, low: 3),
                       roleOverride: role, joinedAt: Date(timeIntervalSince1970: 0))
        }
        #expect(policy.effectiveRole(communityRole: .admin, membership: membership(.guest)) == .admin)
        #expect(policy.effectiveRole(communityRole: .member, membership: membership(.owner)) == .moderator)
        #expect(policy.effectiveRole(communityRole: .member, membership: membership(.guest)) == .guest)
        #expect(policy.effectiveRole(communityRole: .guest, membership: nil) == .guest)
    }
}
