import Foundation
import Synchronization

/// Latencies of one measured series, in nanoseconds, and the wall time it took.
struct Samples: Sendable {
    var latencies: [UInt64]
    var wallNanoseconds: UInt64

    var count: Int { latencies.count }
    var opsPerSecond: Double { wallNanoseconds == 0 ? 0 : Double(latencies.count) / (Double(wallNanoseconds) / 1e9) }

    /// The latency at quantile `q` (0…1), in microseconds.
    func quantile(_ q: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]) / 1_000
    }

    var p50: Double { quantile(0.5) }
    var p99: Double { quantile(0.99) }

    /// Rounds run one after the other as one series: all latencies, the sum of their wall times.
    static func sequential(_ rounds: [Samples]) -> Samples {
        Samples(latencies: rounds.flatMap(\.latencies), wallNanoseconds: rounds.reduce(0) { $0 + $1.wallNanoseconds })
    }

    /// Several concurrent series as one: all latencies, the wall time they took together.
    static func merged(_ series: [Samples], wallNanoseconds: UInt64) -> Samples {
        Samples(latencies: series.flatMap(\.latencies), wallNanoseconds: wallNanoseconds)
    }
}

/// The monotonic clock of every measurement.
@inline(__always)
func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Times `operation` run once per input, one after the other.
func measure<Inputs: Collection>(_ inputs: Inputs, _ operation: (Inputs.Element) async throws -> Void) async rethrows -> Samples {
    var latencies: [UInt64] = []
    latencies.reserveCapacity(inputs.count)
    let start = monotonicNanoseconds()
    for input in inputs {
        let t0 = monotonicNanoseconds()
        try await operation(input)
        latencies.append(monotonicNanoseconds() - t0)
    }
    return Samples(latencies: latencies, wallNanoseconds: monotonicNanoseconds() - start)
}

/// One line of the report: the SDK's figure on a backend, and its peer's where it has one.
struct BenchResult: Sendable {
    var bench: String
    var backend: String
    var scale: String
    var samples: Samples
    /// Concurrent writers, for write benches.
    var writers: Int?
    var peer: Samples?
    /// `ops` compares throughput (SDK ÷ peer ops/s); `p99` compares latency (SDK ÷ peer p99).
    var ratioKind: RatioKind = .p99
    /// Throughput and count in units other than timed samples (`rrule.expand`: occurrences).
    var opsPerSecond: Double?
    var count: Int?
    /// Further fields of the JSON line, as key and JSON value.
    var extra: [(String, String)] = []

    enum RatioKind: Sendable { case ops, p99 }

    var ratio: Double? {
        guard let peer else { return nil }
        switch ratioKind {
        case .ops: return peer.opsPerSecond == 0 ? nil : samples.opsPerSecond / peer.opsPerSecond
        case .p99: return peer.p99 == 0 ? nil : samples.p99 / peer.p99
        }
    }

    /// The JSON line of `WORKLOAD.md`, keys in its order.
    var json: String {
        var fields: [(String, String)] = [
            ("bench", quoted(bench)), ("backend", quoted(backend)), ("scale", quoted(scale)),
        ]
        if let writers { fields.append(("writers", String(writers))) }
        fields += [
            ("ops_per_s", number(opsPerSecond ?? samples.opsPerSecond, 0)), ("p50_us", number(samples.p50, 1)),
            ("p99_us", number(samples.p99, 1)), ("n", String(count ?? samples.count)),
        ] + extra
        if let peer {
            fields += [("peer_ops_per_s", number(peer.opsPerSecond, 0)), ("peer_p50_us", number(peer.p50, 1)),
                       ("peer_p99_us", number(peer.p99, 1))]
            if let ratio { fields.append(("ratio", number(ratio, 3))) }
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }
    private func number(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
}

/// Collects results: each is printed as a JSON line on stdout when it arrives, and the whole
/// set as a table on stderr at the end.
final class Report: Sendable {
    private let results = Mutex<[BenchResult]>([])

    func add(_ result: BenchResult) {
        results.withLock { $0.append(result) }
        FileHandle.standardOutput.write(Data((result.json + "\n").utf8))
    }

    /// A progress or skip note on stderr.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func printTable() {
        let rows = results.withLock { $0 }
        guard !rows.isEmpty else { return }
        var lines = [pad("bench", 18) + pad("backend", 11) + pad("scale", 6) + pad("wr", 4) + pad("n", 7, right: true)
            + pad("ops/s", 11, right: true) + pad("p50 µs", 10, right: true) + pad("p99 µs", 10, right: true)
            + pad("peer ops/s", 12, right: true) + pad("peer p99", 10, right: true) + pad("ratio", 8, right: true)]
        for row in rows {
            var line = pad(row.bench, 18) + pad(row.backend, 11) + pad(row.scale, 6) + pad(row.writers.map(String.init) ?? "", 4)
                + pad(String(row.count ?? row.samples.count), 7, right: true) + pad(format(row.opsPerSecond ?? row.samples.opsPerSecond, 0), 11, right: true)
                + pad(format(row.samples.p50, 1), 10, right: true) + pad(format(row.samples.p99, 1), 10, right: true)
            if let peer = row.peer {
                line += pad(format(peer.opsPerSecond, 0), 12, right: true) + pad(format(peer.p99, 1), 10, right: true)
                line += pad(row.ratio.map { format($0, 2) + (row.ratioKind == .ops ? "×o" : "×p") } ?? "", 8, right: true)
            }
            lines.append(line)
        }
        lines.append("ratio: ×o = SDK ops/s ÷ peer ops/s (target ≥ 0.5); ×p = SDK p99 ÷ peer p99 (target ≤ 2). Peer: raw SQLite C API"
            + " (postgres: prepared statements through PostgresNIO), same run"
            + " (rrule.expand's peers, libical and python-dateutil, run in Benchmarks/rrule-peer.sh).")
        Self.note(lines.joined(separator: "\n"))
    }

    private func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(1, width - text.count))
        return right ? gap + text : text + gap
    }
}
