import Foundation

/// `rrule.expand` in the bench run: `RRuleExpandBenchmark` over the bundled rule mix (or
/// `--mix FILE`), `--rounds` rounds. Reports occurrences per second with the per-round p50/p99;
/// its peers (libical, python-dateutil) run beside it in `Benchmarks/rrule-peer.sh`. Fails the
/// run if an occurrence count differs from the mix's expected count.
enum RRuleExpandBench {
    static func run(_ context: BenchContext) throws {
        let mixData: Data
        if let path = context.options.rruleMix {
            guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
            mixData = data
        } else {
            guard let url = Bundle.module.url(forResource: "rrule-mix", withExtension: "json", subdirectory: "Resources"),
                  let data = try? Data(contentsOf: url)
            else { throw BenchError("the bundled rrule-mix.json is missing; pass --mix FILE") }
            mixData = data
        }
        let rounds = context.options.rruleRounds
        let result = try RRuleExpandBenchmark(mixData: mixData).run(rounds: rounds)
        for mismatch in result.mismatches { Report.note("rrule.expand count mismatch: \(mismatch)") }
        let samples = Samples(latencies: result.roundMicroseconds.map { UInt64(($0 * 1_000).rounded()) },
                              wallNanoseconds: UInt64((result.seconds * 1e9).rounded()))
        context.report.add(BenchResult(bench: "rrule.expand", backend: "none", scale: "mix", samples: samples,
                                       opsPerSecond: Double(result.occurrences) / result.seconds, count: result.occurrences,
                                       extra: [("unit", "\"occurrences\""), ("rounds", String(rounds))]))
        if !result.mismatches.isEmpty { throw BenchError("rrule.expand: \(result.mismatches.count) rule(s) expanded to the wrong count") }
    }
}

/// A bench that cannot run as asked.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
