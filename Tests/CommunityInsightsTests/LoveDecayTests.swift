import Foundation
import Testing

@testable import CommunityInsights

/// §3's decay of Love, 0.9^(age / 30 days), against the power computed in 80-bit floating point.
struct LoveDecayTests {
    /// The exact decay of `age` seconds, as far as `Float80` carries it (11 bits beyond `Double`).
    func reference(_ age: Double) -> Float80 {
        exp(log(Float80(9) / 10) * (Float80(age) / 2_592_000))
    }

    /// The distance of `value` from `exact`, in units in the last place of `value`.
    func ulps(_ value: Double, _ exact: Float80) -> Double {
        Double(abs(Float80(value) - exact) / Float80(value.ulp))
    }

    /// Every age of the Love window (a year and a day), at whole seconds and with fractions: within
    /// 1.5 ulp of the exact power, and closer than `pow` of the rounded quotient.
    @Test func decayIsWithinAnUlpAndAHalf() {
        var generator = SystemRandomNumberGenerator()
        var worst = 0.0, worstPow = 0.0
        for _ in 0..<200_000 {
            let seconds = Double(Int.random(in: 0...(366 * 86_400), using: &generator))
            for age in [seconds, seconds + Double.random(in: 0..<1, using: &generator)] {
                worst = max(worst, ulps(EngineState.decay(age), reference(age)))
                worstPow = max(worstPow, ulps(pow(0.9, age / 2_592_000), reference(age)))
            }
        }
        // Measured: about 1.3 ulp, against about 2.8 for `pow(0.9, age / 2,592,000)`.
        #expect(worst <= 1.5, "worst error \(worst) ulp")
        #expect(worst < worstPow, "worst error \(worst) ulp, pow's \(worstPow)")
    }

    /// The ends and the unit ages: no decay at age 0, and 0.9, 0.81, 0.9^12 after 30, 60 and 360 days.
    @Test func knownValues() {
        #expect(EngineState.decay(0) == 1)
        for (days, power) in [(30.0, 0.9), (60, 0.81), (360, 0.282_429_536_481)] {
            let decay = EngineState.decay(days * 86_400)
            #expect(abs(decay - power) <= 2 * power.ulp, "\(days) days: \(decay) against \(power)")
        }
    }
}
