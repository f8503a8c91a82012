import CommunityCore
import Foundation

/// The (t, line) order of a validated exchange file, without its records: 32 bytes per line.
///
/// Built by a first pass that parses and validates every line (all or nothing) and keeps only
/// each line's time and byte range; a second pass re-parses the lines in order and hands them
/// to a consumer. Memory is the file plus the index, never the decoded records.
struct ActivityLogIndex {
    /// (time or −∞ for tag lines, line, start, end), sorted.
    var keys: [(time: Double, line: Int, start: Int, end: Int)] = []
    var earliest: Date?
    var latest: Date?

    init(_ data: Data) throws(CommunityError) {
        var keys: [(time: Double, line: Int, start: Int, end: Int)] = []
        try ActivityLogReader.forEachLine(of: data) { (bytes, line, start, end) throws(CommunityError) in
            let event = try ActivityLogReader.parseLine(bytes, start: start, end: end, line: line)
            keys.append((event.time?.timeIntervalSince1970 ?? -.infinity, line, start, end))
        }
        keys.sort { ($0.time, $0.line) < ($1.time, $1.line) }
        self.keys = keys
        earliest = keys.first { $0.time.isFinite }.map { Date(timeIntervalSince1970: $0.time) }
        latest = keys.last { $0.time.isFinite }.map { Date(timeIntervalSince1970: $0.time) }
    }

    /// Re-parses the lines in (t, line) order.
    func forEach(in data: Data, _ body: (ActivityRecord) throws(CommunityError) -> Void) throws(CommunityError) {
        let result: Result<Void, CommunityError> = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Void, CommunityError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            for key in keys {
                do throws(CommunityError) {
                    let event = try ActivityLogReader.parseLine(bytes, start: key.start, end: key.end, line: key.line)
                    try body(ActivityRecord(line: key.line, event: event))
                } catch {
                    return .failure(error)
                }
            }
            return .success(())
        }
        if case let .failure(error) = result { throw error }
    }
}
