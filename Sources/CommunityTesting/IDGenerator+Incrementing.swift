public import CommunityCore
import Foundation
import Synchronization

extension IDGenerator {
    /// Deterministic identifiers for tests: UUIDv7-shaped (the timestamp comes from the clock,
    /// so ids still sort by creation) with a counter in place of the random bits. Two runs of the
    /// same test with a ``ManualClock`` produce the same ids.
    public static var incrementing: IDGenerator {
        let counter = Mutex<UInt64>(0)
        return IDGenerator { date in
            let next = counter.withLock { value -> UInt64 in
                value += 1
                return value
            }
            let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
            return (millis << 16 | 0x7000 | (next >> 62 & 0xFFF), 0x8000_0000_0000_0000 | (next & 0x3FFF_FFFF_FFFF_FFFF))
        }
    }
}
