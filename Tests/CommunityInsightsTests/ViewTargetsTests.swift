@testable import CommunityInsights
import Testing

/// A resource's view target holds its §4 letters below `uncomputedView`, below every thread
/// index, and gives them back.
@Suite struct ViewTargetsTests {
    @Test func everyResourceLetterSetRoundTrips() {
        for letters in UInt8.min...UInt8.max {
            let entry = EngineState.resourceView(letters)
            #expect(entry < EngineState.uncomputedView)
            #expect(EngineState.resourceLetters(ofView: entry) == letters)
        }
    }
}
