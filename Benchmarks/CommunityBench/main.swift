import Foundation

// community-bench: the SDK's benchmarks (see bench/WORKLOAD.md). One JSON object per line on
// stdout, a human-readable table on stderr.
//
//   community-bench [--only rrule.expand] [--rounds N] [--mix FILE]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("community-bench: \(message)\n".utf8))
    exit(64)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard ["--only", "--rounds", "--mix", "--scale", "--backend"].contains(name) else { fail("unknown argument \(name)") }
    guard let value = arguments.popFirst() else { fail("\(name) needs a value") }
    options[name] = value
}
let only = Set((options["--only"] ?? "rrule.expand").split(separator: ",").map(String.init))
let known: Set<String> = ["rrule.expand"]
if !only.isSubset(of: known) {
    fail("unknown benchmark(s) \(only.subtracting(known).sorted().joined(separator: ",")); available: rrule.expand")
}

if only.contains("rrule.expand") {
    let rounds = Int(options["--rounds"] ?? "200") ?? 0
    guard rounds > 0 else { fail("--rounds must be a positive integer") }
    let mixData: Data
    if let path = options["--mix"] {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        mixData = data
    } else {
        guard let url = Bundle.module.url(forResource: "rrule-mix", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { fail("the bundled rrule-mix.json is missing; pass --mix FILE") }
        mixData = data
    }
    do {
        let result = try RRuleExpandBenchmark(mixData: mixData).run(rounds: rounds)
        for mismatch in result.mismatches {
            FileHandle.standardError.write(Data("count mismatch: \(mismatch)\n".utf8))
        }
        let sorted = result.roundMicroseconds.sorted()
        let p50 = sorted[sorted.count / 2]
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        let rate = Double(result.occurrences) / result.seconds
        print(#"{"bench": "rrule.expand", "backend": "none", "scale": "mix", "ops_per_s": \#(Int(rate)), "#
            + #""p50_us": \#((p50 * 10).rounded() / 10), "p99_us": \#((p99 * 10).rounded() / 10), "#
            + #""n": \#(result.occurrences), "unit": "occurrences", "rounds": \#(rounds)}"#)
        FileHandle.standardError.write(Data("""
            bench          occurrences/s   round p50 (us)   round p99 (us)   occurrences   rounds
            rrule.expand   \(Int(rate))       \(p50)       \(p99)       \(result.occurrences)       \(rounds)

            """.utf8))
        if !result.mismatches.isEmpty { exit(1) }
    } catch {
        fail("rrule.expand failed: \(error)")
    }
}
