import Foundation

/// The small statistics the report needs, with INSIGHTS.md's exact definitions.
enum Statistics {
    /// `x[⌈q·n⌉]` (1-based) of an ascending array, for q = numerator/denominator; nil if empty.
    static func nearestRank(_ sorted: [Double], numerator: Int, denominator: Int) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = (numerator * sorted.count + denominator - 1) / denominator
        return sorted[max(rank, 1) - 1]
    }

    static func median(_ sorted: [Double]) -> Double? { nearestRank(sorted, numerator: 1, denominator: 2) }
    static func p90(_ sorted: [Double]) -> Double? { nearestRank(sorted, numerator: 9, denominator: 10) }

    /// `a / b`, nil when `b == 0` (Reading 11).
    static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// C8 Gini `Σ(2i−n−1)x_(i) / (n·Σx)` with x ascending and i 1-based; nil if n < 2 or Σx = 0.
    static func gini(_ values: [Int]) -> Double? {
        let n = values.count
        let total = values.reduce(0, +)
        guard n >= 2, total > 0 else { return nil }
        let sorted = values.sorted()
        var sum = 0
        for (offset, x) in sorted.enumerated() { sum += (2 * (offset + 1) - n - 1) * x }
        return Double(sum) / (Double(n) * Double(total))
    }

    /// Kaplan–Meier median survival time: the smallest observed event time t with Ŝ(t) ≤ 0.5.
    /// Observations are event times and censored times, each ascending; censored observations
    /// at the same time as an event are still at risk at that time. nil if Ŝ never reaches 0.5.
    static func kaplanMeierMedian(events: [Double], censored: [Double]) -> Double? {
        var atRisk = events.count + censored.count
        var survival = 1.0
        var e = 0, c = 0
        while e < events.count || c < censored.count {
            let time = c == censored.count || (e < events.count && events[e] <= censored[c]) ? events[e] : censored[c]
            var died = 0
            while e < events.count, events[e] == time {
                died += 1
                e += 1
            }
            var leaving = died
            while c < censored.count, censored[c] == time {
                leaving += 1
                c += 1
            }
            if died > 0 {
                survival *= 1 - Double(died) / Double(atRisk)
                if survival <= 0.5 + 1e-12 { return time }
            }
            atRisk -= leaving
        }
        return nil
    }

    /// Shannon entropy (natural log) of non-negative weights; nil if they sum to 0. Two passes
    /// over the positive weights, summing in their order, without an intermediate array.
    static func entropy(_ weights: some Collection<Double>) -> Double? {
        var total = 0.0
        for weight in weights where weight > 0 { total += weight }
        guard total > 0 else { return nil }
        var sum = 0.0
        for weight in weights where weight > 0 { sum = sum + (weight / total) * log(weight / total) }
        return -sum
    }
}
