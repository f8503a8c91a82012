/// Whether a figure is healthy against a published benchmark (INSIGHTS.md §5), with the
/// threshold stated. Benchmarks are orientation, not targets.
///
/// JSON: `{"healthy": true, "benchmark": "PAS ≥ 0.40 (inSided: 40–60% peer answers …)"}`;
/// `healthy` is `null` when the figure is undefined.
public struct HealthAssessment: Sendable, Hashable, Encodable {
    /// `true` if the figure meets the benchmark, `false` if not, `nil` if the figure is undefined.
    public let healthy: Bool?
    /// The threshold applied and its source.
    public let benchmark: String

    /// Creates an assessment.
    /// - Parameters:
    ///   - healthy: The verdict, `nil` if the figure is undefined.
    ///   - benchmark: The threshold and its source.
    public init(healthy: Bool?, benchmark: String) {
        self.healthy = healthy
        self.benchmark = benchmark
    }

    static func atLeast(_ value: Double?, _ threshold: Double, _ benchmark: String) -> HealthAssessment {
        HealthAssessment(healthy: value.map { $0 >= threshold }, benchmark: benchmark)
    }

    static func atMost(_ value: Double?, _ threshold: Double, _ benchmark: String) -> HealthAssessment {
        HealthAssessment(healthy: value.map { $0 <= threshold }, benchmark: benchmark)
    }

    static func within(_ value: Double?, _ range: ClosedRange<Double>, _ benchmark: String) -> HealthAssessment {
        HealthAssessment(healthy: value.map { range.contains($0) }, benchmark: benchmark)
    }

    enum CodingKeys: String, CodingKey {
        case healthy, benchmark
    }

    /// Encodes both keys; `healthy` as `null` when undefined.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(healthy, forKey: .healthy)
        try c.encode(benchmark, forKey: .benchmark)
    }
}
