import Foundation
import Synchronization

/// A process-wide, lazily filled table of one time zone's UTC offsets.
///
/// `TimeZone.secondsFromGMT(for:)` is far too slow to call per recurrence candidate, so the
/// table asks the zone once per chunk of 2²⁵ seconds (about 388 days) for its offset and its
/// transitions, and answers later lookups from memory. Tables are shared by zone identifier,
/// so every expansion in the process reuses what earlier ones computed.
final class ZoneOffsetTable: Sendable {
    /// A chunk of time: its offset at the start and each transition inside it.
    struct Chunk: Sendable {
        var start: Int
        var end: Int
        var startOffset: Int
        var transitionInstants: [Int]
        var transitionOffsets: [Int]
    }

    private static let chunkShift = 25
    private static let registry = Mutex<[String: ZoneOffsetTable]>([:])

    let timeZone: TimeZone
    private let chunks = Mutex<[Int: Chunk]>([:])

    private init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The shared table of a zone.
    static func table(for timeZone: TimeZone) -> ZoneOffsetTable {
        registry.withLock { tables in
            if let table = tables[timeZone.identifier] { return table }
            let table = ZoneOffsetTable(timeZone: timeZone)
            tables[timeZone.identifier] = table
            return table
        }
    }

    /// The span of constant offset holding the instant `t` (seconds since 1970, UTC).
    func span(containing t: Int) -> ZoneOffsetSpan {
        let key = t >> Self.chunkShift
        let chunk = chunks.withLock { cached in
            if let chunk = cached[key] { return chunk }
            let chunk = makeChunk(key)
            cached[key] = chunk
            return chunk
        }
        var start = chunk.start
        var end = chunk.end
        var offset = chunk.startOffset
        for (i, instant) in chunk.transitionInstants.enumerated() {
            if instant <= t {
                start = instant
                offset = chunk.transitionOffsets[i]
            } else {
                end = instant
                break
            }
        }
        return ZoneOffsetSpan(start: start, end: end, offset: offset)
    }

    private func makeChunk(_ key: Int) -> Chunk {
        let start = key << Self.chunkShift
        let end = (key + 1) << Self.chunkShift
        let startOffset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start)))
        var instants: [Int] = []
        var offsets: [Int] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(start))
        var last = start
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor) {
            let instant = Int(next.timeIntervalSince1970.rounded())
            guard instant > last, instant < end else { break }
            instants.append(instant)
            offsets.append(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
            last = instant
            cursor = Date(timeIntervalSince1970: TimeInterval(instant))
        }
        return Chunk(
            start: start, end: end, startOffset: startOffset, transitionInstants: instants, transitionOffsets: offsets)
    }
}
