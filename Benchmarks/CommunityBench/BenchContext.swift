import CommunityCore
import Foundation

/// What every bench gets: the workload, the loaded backends, the raw peer and the report.
struct BenchContext: Sendable {
    let workload: Workload
    /// The SDK backends, loaded, in the order asked for.
    let fixtures: [SDKFixture]
    /// The raw SQLite peer, when the `sqlite` backend is measured.
    let peer: SQLitePeer?
    let report: Report

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

    /// Runs a bench on every backend: the SDK (after a warm-up of its first inputs) and, on
    /// `sqlite`, the raw peer in the same run. A backend whose store holds no discussions is
    /// skipped with a note; its peer still runs and is reported as `sqlite-raw`.
    func run(_ bench: String, ratio: BenchResult.RatioKind = .p99, writers: Int? = nil,
             sdk: (SDKFixture) async throws -> Samples, peer runPeer: (SQLitePeer) throws -> Samples) async throws {
        for fixture in fixtures {
            var sdkSamples: Samples?
            if fixture.supportsDiscussions {
                sdkSamples = try await sdk(fixture)
            } else {
                Report.note("\(bench) [\(fixture.backend)]: skipped, the store does not hold discussions: \(fixture.unsupportedReason ?? "")")
            }
            var peerSamples: Samples?
            if fixture.backend == "sqlite", let peer {
                let samples = try runPeer(peer)
                peerSamples = samples
                report.add(BenchResult(bench: bench, backend: "sqlite-raw", scale: scale, samples: samples, writers: writers))
            }
            if let sdkSamples {
                report.add(BenchResult(bench: bench, backend: fixture.backend, scale: scale, samples: sdkSamples, writers: writers,
                                       peer: peerSamples, ratioKind: ratio))
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

extension Array {
    /// The first `count` elements (at most all), for warm-up passes.
    func warmUp(_ count: Int) -> ArraySlice<Element> { prefix(Swift.min(self.count, count)) }
}
