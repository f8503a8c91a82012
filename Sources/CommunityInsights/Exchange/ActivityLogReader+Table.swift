public import CommunityCore
public import Foundation

extension ActivityLogReader {
    /// Reads a file in the exchange format into a columnar ``ActivityTable``.
    /// - Parameter url: A file URL.
    /// - Returns: The rows sorted by (t, line).
    /// - Throws: As ``readTable(_:)``, or if the file cannot be read.
    public static func readTable(contentsOf url: URL) throws(CommunityError) -> ActivityTable {
        try readTable(fileContents(url))
    }

    /// Reads exchange-format bytes into a columnar ``ActivityTable``, all or nothing, with the
    /// same validation and errors as ``read(_:)``; no ``ActivityRecord`` array is built: each
    /// line goes straight into the columns.
    /// - Parameter data: UTF-8 JSON Lines.
    /// - Returns: The rows sorted by (t, line).
    /// - Throws: ``CommunityError`` `invalidInput` naming the first bad line.
    public static func readTable(_ data: Data) throws(CommunityError) -> ActivityTable {
        var table = ActivityTable()
        try forEachLine(of: data) { (bytes, line, start, end) throws(CommunityError) in
            try table.append(parseLine(bytes, start: start, end: end, line: line), line: line)
        }
        let sorted = try table.sorted()
        try checkMembers(sorted)
        return sorted
    }

    /// ``read(_:)``'s member rule over a table: every member has exactly one `member` row, before
    /// any other row that names them.
    private static func checkMembers(_ table: ActivityTable) throws(CommunityError) {
        var joinedAt = [Int32](repeating: 0, count: table.memberIDs.count)
        for row in 0..<table.count {
            let m = table.members[row]
            guard m >= 0 else { continue }
            let line = Int(table.lines[row])
            if table.kinds[row] == .member {
                if joinedAt[Int(m)] != 0 {
                    throw secondMemberLine(table.memberIDs[m], line: line, firstLine: Int(joinedAt[Int(m)]))
                }
                joinedAt[Int(m)] = table.lines[row]
            } else if joinedAt[Int(m)] == 0 {
                throw memberBeforeJoin(table.memberIDs[m], line: line)
            }
        }
    }
}
