public import Foundation
import Synchronization

/// Makes new identifiers. Inject it so that tests get deterministic ids.
///
/// The default, ``uuidV7``, makes RFC 9562 version 7 UUIDs from the injected clock's time:
/// ids sort by creation, and a 12-bit counter keeps them strictly increasing within one
/// millisecond of one generator. CommunityTesting adds `.incrementing` for reproducible tests.
public struct IDGenerator: Sendable {
    private let make: @Sendable (Date) -> (high: UInt64, low: UInt64)

    /// Creates a generator from a function of the current time returning the id's two halves.
    public init(_ make: @escaping @Sendable (Date) -> (high: UInt64, low: UInt64)) {
        self.make = make
    }

    /// A new identifier of any kind, created at `date`.
    public func next<Subject>(at date: Date) -> Identifier<Subject> {
        let (high, low) = make(date)
        return Identifier(high: high, low: low)
    }

    /// RFC 9562 UUIDv7 with a monotonic counter: unique, unpredictable in its low 62 bits,
    /// strictly increasing for one generator even when the clock stands still or steps back.
    public static var uuidV7: IDGenerator {
        let state = Mutex<(millis: UInt64, counter: UInt64)>((0, 0))
        return IDGenerator { date in
            let wall = UInt64(max(0, date.timeIntervalSince1970 * 1000))
            let (millis, counter) = state.withLock { state -> (UInt64, UInt64) in
                if wall > state.millis {
                    state = (wall, 0)
                } else if state.counter < 0xFFF {
                    state.counter += 1
                } else {
                    state = (state.millis + 1, 0)
                }
                return state
            }
            var random = SystemRandomNumberGenerator()
            let high = (millis & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | counter
            let low = 0x8000_0000_0000_0000 | (random.next() & 0x3FFF_FFFF_FFFF_FFFF)
            return (high, low)
        }
    }
}
