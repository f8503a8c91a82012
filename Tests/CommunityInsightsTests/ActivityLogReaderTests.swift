import CommunityCore
@testable import CommunityInsights
import Foundation
import Testing

@Suite struct ActivityLogReaderTests {
    static func date(_ text: String) -> Date { RFC3339.parse(text.utf8) ?? .distantPast }

    static let valid = """
    {"type":"member","member":"ann","t":"2026-03-01T10:00:00Z"}
    {"type":"tag","tag":"swift","product":true}
    {"type":"member","member":"bob","t":"2026-03-01T09:00:00.250Z","staff":true,"extra":{"nested":[1,{"a":null}]}}

    {"type":"thread","id":"q1","member":"ann","t":"2026-03-01T11:00:00Z","space":"qa","kind":"question","tags":["swift","x"]}
    {"type":"reply","id":"r1","member":"bob","t":"2026-03-01T11:00:00Z","thread":"q1","parent":"q1"}
    {"type":"role","member":"bob","t":"2026-03-02T00:00:00+01:00","staff":false}
    {"type":"accept","member":"ann","t":"2026-03-01T12:00:00Z","thread":"q1","post":"r1"}
    {"type":"react","member":"bob","t":"2026-03-01T12:30:00Z","post":"q1"}
    {"type":"delete","member":"bob","t":"2026-03-01T12:31:00Z","post":"r1"}
    {"type":"flag","member":"ann","t":"2026-03-01T12:32:00Z","post":"r1"}
    {"type":"rsvp","member":"ann","t":"2026-03-01T12:33:00Z","event":"e1"}
    {"type":"attend","member":"ann","t":"2026-03-01T12:34:00Z","event":"e1"}
    {"type":"view","member":"ann","t":"2026-03-01T12:35:00.5Z","resource":"q1"}
    """

    @Test func parsesEveryTypeSortedByTimeThenLine() throws {
        let log = try ActivityLogReader.read(Self.valid)
        #expect(log.records.count == 13)
        // tag first (no t), then by time; thread (line 5) and reply (line 6) share a second.
        #expect(log.records.map(\.line) == [2, 3, 1, 5, 6, 8, 9, 10, 11, 12, 13, 14, 7])
        #expect(log.records[1].event == .member(member: "bob", time: Date(timeIntervalSince1970: 1_772_355_600.25), staff: true, bot: false))
        #expect(log.records[3].event == .thread(id: "q1", member: "ann", time: Date(timeIntervalSince1970: 1_772_362_800), space: "qa", kind: .question, tags: ["swift", "x"]))
        // +01:00 offset converted to UTC: 2026-03-01T23:00:00Z
        #expect(log.records.last?.time == Date(timeIntervalSince1970: 1_772_406_000))
        #expect(log.evaluationTime == Date(timeIntervalSince1970: 1_772_406_000))
    }

    @Test func absentTagsMeansUntagged() throws {
        let log = try ActivityLogReader.read("""
        {"type":"member","member":"a","t":"2026-03-01T10:00:00Z"}
        {"type":"thread","id":"t","member":"a","t":"2026-03-01T10:00:00Z","space":"s","kind":"discussion"}
        """)
        #expect(log.records[1].event == .thread(id: "t", member: "a", time: Date(timeIntervalSince1970: 1_772_359_200), space: "s", kind: .discussion, tags: nil))
    }

    static let member = #"{"type":"member","member":"a","t":"2026-03-01T10:00:00Z"}"#

    @Test(arguments: [
        (#"{"type":"poke","member":"a","t":"2026-03-01T10:00:00Z"}"#, "unknown type \"poke\""),
        (#"{"member":"a","t":"2026-03-01T10:00:00Z"}"#, "missing field \"type\""),
        (#"{"type":"react","t":"2026-03-01T10:00:00Z","post":"p"}"#, "missing field \"member\""),
        (#"{"type":"react","member":"a","t":"2026-03-01T10:00:00Z"}"#, "missing field \"post\""),
        (#"{"type":"react","member":"a","t":5,"post":"p"}"#, "field \"t\" must be a string, found a number"),
        (#"{"type":"react","member":"a","t":"2026-02-30T10:00:00Z","post":"p"}"#, "field \"t\" is not an RFC 3339 time"),
        (#"{"type":"react","member":"a","t":"2026-03-01 10:00","post":"p"}"#, "field \"t\" is not an RFC 3339 time"),
        (#"{"type":"role","member":"a","t":"2026-03-01T10:00:00Z","staff":"yes"}"#, "field \"staff\" must be true or false"),
        (#"{"type":"thread","id":"t","member":"a","t":"2026-03-01T10:00:00Z","space":"s","kind":"poll"}"#, "field \"kind\" must be"),
        (#"{"type":"thread","id":"t","member":"a","t":"2026-03-01T10:00:00Z","space":"s","kind":"question","tags":[1]}"#, "field \"tags\" must be an array of strings"),
        (#"{"type":"react","member":"a","t":"2026-03-01T10:00:00Z","post":"p""#, "not a JSON object"),
        (#"[1,2]"#, "not a JSON object"),
        (#"{"type":"react","member":"zed","t":"2026-03-01T10:00:00Z","post":"p"}"#, "member \"zed\" appears before their member line"),
        (#"{"type":"react","member":"a","t":"2026-03-01T09:59:59Z","post":"p"}"#, "member \"a\" appears before their member line"),
        (#"{"type":"member","member":"a","t":"2026-03-02T10:00:00Z"}"#, "already has a member line"),
    ])
    func badLineIsNamedAndNothingIsReturned(line: String, expected: String) {
        let text = Self.member + "\n" + #"{"type":"view","member":"a","t":"2026-03-01T11:00:00Z","resource":"r"}"# + "\n\n" + line + "\n"
        var log: ActivityLog?
        do {
            log = try ActivityLogReader.read(text)
            Issue.record("expected an error for \(line)")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.field == "line 4")
            #expect(error.message.hasPrefix("line 4: "), "\(error.message)")
            #expect(error.message.contains(expected), "\(error.message)")
        }
        #expect(log == nil)
    }

    @Test func exportImportRoundTrip() throws {
        let log = try ActivityLogReader.read(Self.valid)
        let exported = ActivityLogWriter.write(log.records)
        let again = try ActivityLogReader.read(exported)
        #expect(again.records.map(\.event) == log.records.map(\.event))
        #expect(ActivityLogWriter.write(again.records) == exported)
    }

    @Test func writerEscapesStrings() throws {
        let event = ActivityEvent.view(member: "a\"b\\c\n\u{1}é😀", time: Date(timeIntervalSince1970: 0.125), resource: "r")
        let line = ActivityLogWriter.line(for: event)
        #expect(line == #"{"type":"view","member":"a\"b\\c\n\u0001é😀","t":"1970-01-01T00:00:00.125Z","resource":"r"}"#)
        let member = ActivityRecord(line: 1, event: .member(member: "a\"b\\c\n\u{1}é😀", time: Date(timeIntervalSince1970: 0), staff: false, bot: true))
        let back = try ActivityLogReader.read(ActivityLogWriter.write([member, ActivityRecord(line: 2, event: event)]))
        #expect(back.records.map(\.event) == [member.event, event])
    }

    /// A string with bytes that are not UTF-8 (a lone continuation byte, a truncated sequence,
    /// an overlong encoding) names its line, in both readers; non-ASCII UTF-8 is taken as is.
    @Test(arguments: [[0x80], [0xC3], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8IsNamed(bytes: [UInt8]) {
        var data = Data((Self.member + "\n").utf8)
        data.append(contentsOf: Array(#"{"type":"view","member":"a","t":"2026-03-01T11:00:00Z","resource":"r"#.utf8) + bytes + Array(#""}"#.utf8))
        for read in [{ try ActivityLogReader.read(data).records.count }, { try ActivityLogReader.readTable(data).count }] as [() throws -> Int] {
            do {
                _ = try read()
                Issue.record("expected an error for \(bytes)")
            } catch let error as CommunityError {
                #expect(error.field == "line 2")
                #expect(error.message.contains("not valid UTF-8"), "\(error.message)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        var valid = Data((Self.member + "\n").utf8)
        valid.append(contentsOf: Array(#"{"type":"view","member":"a","t":"2026-03-01T11:00:00Z","resource":"caf\#u{e9} 😀"}"#.utf8))
        #expect((try? ActivityLogReader.read(valid))?.records.last?.event == .view(member: "a", time: Date(timeIntervalSince1970: 1_772_362_800), resource: "café 😀"))
    }

    @Test func unicodeEscapesAreDecoded() throws {
        let log = try ActivityLogReader.read(#"{"type":"member","member":"\u00e9\ud83d\ude00\/","t":"2026-03-01T10:00:00Z"}"#)
        #expect(log.records.first?.event.member == "é😀/")
    }

    @Test func rfc3339FormatsAndParses() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_772_388_000)) == "2026-03-01T18:00:00Z")
        #expect(RFC3339.parse("2026-03-01T18:00:00Z".utf8) == Date(timeIntervalSince1970: 1_772_388_000))
        #expect(RFC3339.parse("2024-02-29T00:00:00.000001Z".utf8) != nil)
        #expect(RFC3339.parse("2023-02-29T00:00:00Z".utf8) == nil)
        #expect(RFC3339.parse("2026-03-01T24:00:00Z".utf8) == nil)
        #expect(RFC3339.parse("2026-03-01T18:00:00".utf8) == nil)
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
