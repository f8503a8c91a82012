import CommunityCore
import CommunityInsights
import Foundation
import Testing

/// A tiny RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
enum TinyCSV {
    enum Failure: Error { case malformed(String) }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false, wasQuoted = false
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.append(c) } else { quoted = false }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Failure.malformed("quote inside an unquoted field") }
                quoted = true; wasQuoted = true
            case ",":
                record.append(String(field)); field = .init(); wasQuoted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Failure.malformed("CR without LF") }
                record.append(String(field)); field = .init(); wasQuoted = false
                records.append(record); record = []
            case "\n":
                throw Failure.malformed("bare LF outside quotes")
            default:
                guard !wasQuoted else { throw Failure.malformed("text after a closing quote") }
                field.append(c)
            }
        }
        guard !quoted else { throw Failure.malformed("unterminated quote") }
        guard field.isEmpty, record.isEmpty else { throw Failure.malformed("last record without CRLF") }
        return records
    }

    /// Splits a list cell: `;` separates, `\;` and `\\` are literal.
    static func list(_ cell: String) -> [String] {
        guard !cell.isEmpty else { return [] }
        var items: [String] = [], item = "", escaped = false
        for c in cell {
            if escaped { item.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ";" {
                items.append(item); item = ""
            } else { item.append(c) }
        }
        return items + [item]
    }
}

@Suite struct CRMExportTests {
    static let tricky: [MemberInsight] = [
        MemberInsight(member: "plain", love: 12.5, orbitLevel: 2, topInterests: ["swift", "ios"]),
        MemberInsight(member: "comma,id", staff: true, love: 3, championReasons: ["met: a, b", "missed: c; d"]),
        MemberInsight(member: "say \"hi\"", topInterests: ["semi;colon", "back\\slash", "quote\"tag"]),
        MemberInsight(member: "line\nbreak", champion: true, championReasons: ["two\r\nlines"]),
        MemberInsight(
            member: "Zoë 東京 🚀", love: 0.000_01, orbitLevel: nil, topInterests: ["café"],
            spicesProfile: SpicesShares(support: 0.25, engagement: 0.75),
            lastActiveAt: Date(timeIntervalSince1970: 1_772_964_000), atRisk: true,
            firstPostAt: Date(timeIntervalSince1970: 1_772_323_200.5), acceptedAnswers: 3, peerFirstResponses: 4),
    ]

    static func csv(_ members: [MemberInsight]) -> String {
        var data = Data()
        CRMExport.write(members, format: .csv) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("x\ny", "\"x\ny\""),
        ("x\ry", "\"x\ry\""), ("Zoë 東京", "Zoë 東京"), ("", ""), ("\"", "\"\"\"\""),
    ])
    func csvQuoting(id: String, cell: String) {
        let row = CRMExport.row(MemberInsight(member: id), format: .csv)
        #expect(row.hasPrefix(cell + ",false,0,,false,"))
        #expect(row.hasSuffix("\r\n"))
    }

    @Test func csvRoundTripsThroughAnRFC4180Parser() throws {
        let text = Self.csv(Self.tricky)
        #expect(text.hasPrefix(CRMExport.columns.joined(separator: ",") + "\r\n"))
        let rows = try TinyCSV.parse(text)
        #expect(rows.count == Self.tricky.count + 1)
        #expect(rows[0] == CRMExport.columns)
        let column = Dictionary(uniqueKeysWithValues: CRMExport.columns.enumerated().map { ($1, $0) })
        func cell(_ row: [String], _ name: String) -> String { row[column[name] ?? 0] }
        for (row, member) in zip(rows.dropFirst(), Self.tricky) {
            #expect(row.count == CRMExport.columns.count)
            #expect(cell(row, "member") == member.member)
            #expect(TinyCSV.list(cell(row, "top_interests")) == member.topInterests)
            #expect(TinyCSV.list(cell(row, "champion_reasons")) == member.championReasons)
            #expect(Double(cell(row, "love")) == member.love)
            #expect(cell(row, "staff") == (member.staff ? "true" : "false"))
            #expect(cell(row, "orbit_level") == (member.orbitLevel.map(String.init) ?? ""))
        }
        let last = try #require(rows.last)
        #expect(cell(last, "last_active_at") == "2026-03-08T10:00:00Z")
        #expect(cell(last, "first_post_at") == "2026-03-01T00:00:00.5Z")
        #expect(cell(last, "spices_support") == "0.25")
        #expect(cell(last, "spices_product") == "")  // null
        #expect(cell(last, "at_risk") == "true")
        #expect(cell(last, "accepted_answers") == "3")
        #expect(cell(last, "love") == "1e-05")
    }

    @Test func goldenReportRoundTripsAsCSV() throws {
        let report = try GoldenFixture.report()
        let rows = try TinyCSV.parse(Self.csv(report.members))
        #expect(rows.dropFirst().map { $0[0] } == report.members.map(\.member))
        // Reasons hold "; debate driver" and commas: the list encoding keeps them whole.
        for (row, member) in zip(rows.dropFirst(), report.members) {
            #expect(TinyCSV.list(row[CRMExport.columns.firstIndex(of: "champion_reasons") ?? 0]) == member.championReasons)
        }
    }

    @Test func jsonLinesCarryTheReportFields() throws {
        let report = try GoldenFixture.report()
        var data = Data()
        CRMExport.write(report.members, format: .jsonLines) { data.append($0) }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == report.members.count)
        let root = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let expected = try #require(root["members"] as? [[String: Any]])
        for (line, member) in zip(lines, expected) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(CRMExport.columns))
            // Keys in column order.
            let positions = CRMExport.columns.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions == positions.sorted() && positions.count == CRMExport.columns.count)
            for key in ["member", "staff", "champion", "emerging", "at_risk", "accepted_answers", "peer_first_responses"] {
                #expect("\(object[key] ?? "missing")" == "\(member[key] ?? "missing")", "\(key)")
            }
            #expect((object["love"] as? NSNumber)?.doubleValue == (member["love"] as? NSNumber)?.doubleValue)
            #expect(object["orbit_level"] is NSNull == (member["orbit_level"] is NSNull))
            #expect(object["top_interests"] as? [String] == member["top_interests"] as? [String])
            #expect(object["champion_reasons"] as? [String] == member["champion_reasons"] as? [String])
            #expect("\(object["last_active_at"] ?? "")" == "\(member["last_active_at"] ?? "")")
            #expect("\(object["first_post_at"] ?? "")" == "\(member["first_post_at"] ?? "")")
            let spices = try #require(member["spices_profile"] as? [String: Any])
            for letter in ["support", "product", "insight", "content", "engagement", "success", "acquisition"] {
                #expect("\(object["spices_" + letter] ?? "missing")" == "\(spices[letter] ?? "missing")")
            }
        }
    }

    @Test func jsonLinesEscapeStrings() throws {
        let line = CRMExport.row(MemberInsight(member: "a\"b\\c\n\u{01}é", topInterests: ["t\tab"]), format: .jsonLines)
        #expect(line.contains(#""member":"a\"b\\c\n\u0001é""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["member"] as? String == "a\"b\\c\n\u{01}é")
        #expect(object["top_interests"] as? [String] == ["t\tab"])
    }

    /// 100 k members produced lazily, written row by row: no chunk exceeds the chunk size by
    /// more than one row, so memory stays bounded whatever the member count.
    @Test(arguments: CRMFormat.allCases)
    func streamsOneHundredThousandMembersInBoundedChunks(format: CRMFormat) {
        let count = 100_000
        let members = (0..<count).lazy.map { (i: Int) -> MemberInsight in
            let seen = Date(timeIntervalSince1970: 1_772_964_000 + Double(i))
            let love = Double(i) / 7
            let level: Int = 1 + i % 4
            return MemberInsight(
                member: "member-\(i)", love: love, orbitLevel: level, champion: i % 97 == 0,
                topInterests: ["swift", "t\(i % 30)"], lastActiveAt: seen, acceptedAnswers: i % 5)
        }
        var bytes = 0, lines = 0, chunks = 0, largest = 0
        CRMExport.write(members, format: format, chunkSize: 16_384) { chunk in
            chunks += 1
            bytes += chunk.count
            largest = max(largest, chunk.count)
            lines += chunk.withUnsafeBytes { raw in raw.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        }
        #expect(lines == count + (format == .csv ? 1 : 0))
        #expect(largest < 16_384 + 1_024)
        #expect(chunks >= bytes / (16_384 + 1_024))
        #expect(bytes > 5_000_000)
    }

    @Test func writesToAFileHandleAndAnAsyncSink() async throws {
        let members = Self.tricky
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try CRMExport.write(members, format: .csv, toFile: url)
        #expect(try Data(contentsOf: url) == Data(Self.csv(members).utf8))
        var collected = Data()
        try await CRMExport.write(members, format: .jsonLines, chunkSize: 64) { (chunk: Data) async throws in
            collected.append(chunk)
        }
        #expect(String(decoding: collected, as: UTF8.self) == CRMExport.rows(members, format: .jsonLines).joined())
        #expect(Array(CRMExport.rows(members, format: .csv)).count == members.count + 1)
    }

    @Test func unwritablePathIsAStorageError() {
        let url = URL(fileURLWithPath: "/nonexistent-dir-\(UUID().uuidString)/crm.csv")
        #expect(throws: CommunityError.self) { try CRMExport.write(Self.tricky, format: .csv, toFile: url) }
    }

    @Test func formatFromExtension() {
        #expect(CRMFormat(path: "out/members.csv") == .csv)
        #expect(CRMFormat(path: "MEMBERS.JSONL") == .jsonLines)
        #expect(CRMFormat(path: "members.json") == nil)
        #expect(CRMFormat(path: "dir.csv/members") == nil)
        #expect(CRMFormat(path: "members") == nil)
    }
}
