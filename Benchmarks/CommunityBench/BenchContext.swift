import CommunityTesting
import CommunityCore
import Foundation

/// Command-line options that only some benches read.
struct BenchOptions: Sendable {
    /// `--rounds`: rounds of the rule mix (`rrule.expand`).
    var rruleRounds = 200
    /// `--mix`: a rule mix file instead of the bundled one (`rrule.expand`).
    var rruleMix: String?
    /// `--activities`: activities of `insights.report` (default by scale: 10 M for L, 1 M for S).
    var activities: Int?
    /// `--runs`: timed runs of `insights.report`, of the SDK and of the peer each (default 3).
    var insightsRuns = InsightsReportBench.defaultRuns
    /// `--warmup`: runs of `insights.report` before the timed ones, of each side (default 1).
    var insightsWarmups = InsightsReportBench.defaultWarmups
}

/// What every bench gets: the workload, the loaded backends, the raw peer and the report.
struct BenchContext: Sendable {
    let workload: Workload
    /// The SDK backends, loaded, in the order asked for.
    let fixtures: [SDKFixture]
    /// The raw SQLite peer, when the `sqlite` backend is measured.
    let peer: SQLitePeer?
    let report: Report
    /// Options of individual benches.
    let options: BenchOptions
    #if Postgres
    /// The raw PostgreSQL peer of `post.create`, when the `postgres` backend is measured.
    var postgresPeer: PostgresPeer?
    /// The raw PostgreSQL peer of `thread.page` and `space.threads`, when the `postgres` backend is measured.
    var postgresReads: PostgresReadPeer?
    #endif

    var scale: String { workload.scale.name }

    /// A sample count: `full` at scale S and L, a few dozen for the `tiny` smoke run.
    func samples(_ full: Int) -> Int { workload.scale.name == "tiny" ? max(20, full / 50) : full }

    /// An input generator of its own per bench, so inputs do not depend on which benches run.
    func rng(_ bench: String) -> SplitMix64 {
        SplitMix64(seed: Workload.seed ^ bench.utf8.reduce(UInt64(1_469_598_103_934_665_603)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
    }

    /// A random non-staff member (index), the viewer of a read.
    func viewer(_ rng: inout SplitMix64) -> Int {
        while true {
            let member = rng.below(workload.members.count)
            if !workload.members[member].isStaff { return member }
        }
    }

    /// Runs a bench on every backend. On `sqlite` (and on `postgres` when the bench passes
    /// `postgresPeer`) the SDK and the raw peer take turns over the same inputs, `rounds` slices
    /// each (SDK slice, peer slice, SDK slice, …), so both meet the same background load of a
    /// shared machine; each side is warmed up first on its first `warmUp` inputs. Latencies of
    /// all rounds are merged and ops/s is inputs ÷ the sum of the rounds' wall times. A backend
    /// whose store holds no discussions is skipped with a note; its peer still runs and is
    /// reported as `sqlite-raw` (`postgres-raw`).
    func run<Input>(_ bench: String, inputs: [Input], warmUp: Int, rounds: Int = 10, ratio: BenchResult.RatioKind = .p99,
                    writers: Int? = nil, postgresPeer: ((ArraySlice<Input>) async throws -> Samples)? = nil,
                    sdk: (SDKFixture, ArraySlice<Input>) async throws -> Samples,
                    peer makePeer: (SQLitePeer) throws -> (ArraySlice<Input>) throws -> Samples) async throws {
        let slices = inputs[...].split(into: max(1, min(rounds, inputs.count)))
        for fixture in fixtures {
            let runsSDK = fixture.supportsDiscussions
            if !runsSDK {
                Report.note("\(bench) [\(fixture.backend)]: skipped, the store does not hold discussions: \(fixture.unsupportedReason ?? "")")
            }
            var runPeer: ((ArraySlice<Input>) async throws -> Samples)?
            if fixture.backend == "sqlite", let sqlitePeer = try peer.map(makePeer) {
                runPeer = { try sqlitePeer($0) }
            } else if fixture.backend == "postgres" {
                runPeer = postgresPeer
            }
            if warmUp > 0 {
                if runsSDK { _ = try await sdk(fixture, inputs.prefix(warmUp)) }
                if let runPeer { _ = try await runPeer(inputs.prefix(warmUp)) }
            }
            var sdkRounds: [Samples] = [], peerRounds: [Samples] = []
            for slice in slices {
                if runsSDK { sdkRounds.append(try await sdk(fixture, slice[...])) }
                if let runPeer { peerRounds.append(try await runPeer(slice[...])) }
            }
            let peerSamples = runPeer == nil ? nil : Samples.sequential(peerRounds)
            if let peerSamples {
                report.add(BenchResult(bench: bench, backend: "\(fixture.backend)-raw", scale: scale, samples: peerSamples, writers: writers))
            }
            if runsSDK {
                report.add(BenchResult(bench: bench, backend: fixture.backend, scale: scale, samples: Samples.sequential(sdkRounds),
                                       writers: writers, peer: peerSamples, ratioKind: ratio))
            }
        }
    }
}

extension BenchContext {
    /// Compares what the SDK and the peer answer for the same inputs (untimed), on stderr: the
    /// peer is only a fair baseline if it computes the same thing.
    func crossCheck(_ bench: String, sdk: [String], peer: [String]) {
        let agree = zip(sdk, peer).filter { $0 == $1 }.count
        let sample = zip(sdk, peer).prefix(4).map { "\($0) vs \($1)" }.joined(separator: ", ")
        Report.note("\(bench): SDK and peer agree on \(agree) of \(min(sdk.count, peer.count)) inputs (SDK vs peer: \(sample), …)")
    }
}

extension ArraySlice {
    /// `parts` contiguous pieces of (nearly) equal size, in order.
    func split(into parts: Int) -> [[Element]] {
        (0..<parts).map { part in Array(self[(startIndex + count * part / parts)..<(startIndex + count * (part + 1) / parts)]) }
    }
}
