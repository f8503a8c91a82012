import CommunityCore
import CommunityInsights
import CommunityTesting
import Foundation
import Synchronization

/// `insights.report` (WORKLOAD.md): the full health report over N activities already in
/// memory, against DuckDB computing the same headline figures in SQL over the same rows
/// already in a table (`Benchmarks/insights-duckdb.py`, run in the same invocation).
///
/// 1. Generates N activities with `SyntheticCommunityGenerator` (seed 42) and writes them once
///    as JSONL to a temporary file (the peer's input and the import measurement), or to
///    `$COMMUNITY_BENCH_JSONL`, which is then kept, and reused by later runs if present.
/// 2. Imports the file with `ActivityLogReader.readTable` into a columnar `ActivityTable`
///    (timed once, reported apart as records/s; the resident growth is the table's size).
/// 3. Computes `InsightsReport.compute(from:)` over the table: `warmups` untimed-for-the-median
///    runs (1 unless `--warmup`; the first run of a process pays the page faults of memory the
///    allocator has not yet kept, and is reported apart as `warmup_s`), then `runs` timed runs
///    (3 unless `--runs`); their median wall time gives activities/s. The peak RSS of the computation is the process's VmHWM after
///    resetting it (`/proc/self/clear_refs` ← 5) just before each run, or, where the reset is
///    refused, the largest VmRSS sampled every 2 ms during the run; the computation's own
///    share is that peak minus the resident set just before the run (the table included).
/// 4. Runs the peer on the same file (``DuckDBPeer``): it loads its table before the SDK's first
///    run, and runs its queries once right after each SDK run, so that both sides' medians come
///    from the same minutes of a machine whose speed drifts. Compares the headline figures: PAS,
///    MIT, TTFR median and p90, unanswered rate, DAU/MAU (and their counts). A mismatch is a
///    loud warning and makes the process exit non-zero (``figuresDisagreed``).
enum InsightsReportBench {
    /// Seed of the synthetic community (WORKLOAD.md: seed 42).
    static let seed: UInt64 = 42
    /// Timed runs of the report, and of the peer's queries, unless `--runs` says otherwise.
    static let defaultRuns = 3
    /// Warm-up runs of each side before those, unless `--warmup` says otherwise.
    static let defaultWarmups = 1

    /// Set when the SDK's and DuckDB's figures differ; `main` then exits with status 1.
    static let mismatch = Atomic<Bool>(false)
    static var figuresDisagreed: Bool { mismatch.load(ordering: .relaxed) }

    /// Activities of a scale: 10 M for L, 1 M for S, 20 k for the tiny smoke run.
    static func defaultActivities(_ scale: Scale) -> Int {
        switch scale.name {
        case "L": 10_000_000
        case "tiny": 20_000
        default: 1_000_000
        }
    }

    /// Parses `--activities`: a count, optionally with a `k` or `m` suffix (`10m`, `20000`).
    static func parseCount(_ text: String) -> Int? {
        let lower = text.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
        var digits = Substring(lower)
        var factor = 1
        if digits.hasSuffix("m") { factor = 1_000_000; digits = digits.dropLast() }
        else if digits.hasSuffix("k") { factor = 1_000; digits = digits.dropLast() }
        guard let value = Int(digits), value > 0, value <= Int.max / factor else { return nil }
        return value * factor
    }

    /// The scale label of a run: the named scale whose default it is, else `custom`.
    static func scaleLabel(_ activities: Int) -> String {
        switch activities {
        case 10_000_000: "L"
        case 1_000_000: "S"
        case 20_000: "tiny"
        default: "custom"
        }
    }

    static func run(activities requested: Int, runs repeats: Int = defaultRuns, warmups: Int = defaultWarmups) throws {
        let label = scaleLabel(requested)
        Report.note("insights.report: \(requested) activities (scale \(label), seed \(seed))")

        // 1. Generate and write the JSONL once; the generated log is released before the import.
        // COMMUNITY_BENCH_JSONL=PATH keeps the file there (to re-run the peer by hand).
        let kept = ProcessInfo.processInfo.environment["COMMUNITY_BENCH_JSONL"].flatMap { $0.isEmpty ? nil : $0 }
        let file = kept.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("community-bench-insights-\(ProcessInfo.processInfo.processIdentifier).jsonl")
        defer { if kept == nil { try? FileManager.default.removeItem(at: file) } }
        let bytes = try generate(requested, to: file, reuse: kept != nil)

        // 2. Import (reported apart).
        let rssEmpty = ProcessMemory.kilobytes("VmRSS") ?? 0
        var t0 = monotonicNanoseconds()
        let table = try ActivityLogReader.readTable(contentsOf: file)
        let importSeconds = seconds(since: t0)
        let n = table.count
        let tableMB = Double((ProcessMemory.kilobytes("VmRSS") ?? 0) - rssEmpty) / 1024
        Report.note(String(format: "  SDK import: %d records (%.0f MB of JSONL) in %.2f s, %.0f records/s; table resident +%.0f MB (%d members, %d ids)",
                           n, Double(bytes) / 1e6, importSeconds, Double(n) / importSeconds, tableMB,
                           table.memberIDs.count, table.objectIDs.count))

        // The peer loads its table now, and runs its queries after each of the SDK's runs.
        let peerProcess = DuckDBPeer.start(file, runs: repeats, warmups: warmups)

        // 3. The report over the records in memory.
        let rssBefore = ProcessMemory.kilobytes("VmRSS") ?? 0
        var walls: [Double] = [], warmupWalls: [Double] = []
        var peakKB = 0
        var method = ""
        // Only the headline figures outlive a run, so every run starts from the same resident set.
        var figures: Figures?
        var streamPeakKB = 0
        for run in 1...(warmups + repeats) {
            let probe = PeakProbe.start()
            t0 = monotonicNanoseconds()
            // `InsightsReport.compute(from: table)`, in its two steps so that the streaming pass
            // and the report assembly (CRM records, champions, sorting) are timed apart.
            let window = try InsightsWindow.covering(table)
            let engine = try InsightsEngine(table: table, window: window, evaluationTime: table.evaluationTime ?? window.to)
            let streamed = seconds(since: t0)
            // Resident growth once the pass is done: the streaming state (O(members + threads +
            // posts + days)) before the report assembly allocates anything.
            let streamKB = (ProcessMemory.kilobytes("VmRSS") ?? rssBefore) - rssBefore
            if run == 1 { streamPeakKB = streamKB }  // later runs start on heap the allocator kept
            let computed = engine.makeReport()
            let wall = seconds(since: t0)
            let peak = probe.finish()
            peakKB = max(peakKB, peak.kilobytes)
            method = peak.method
            let warmup = run <= warmups
            if warmup { warmupWalls.append(wall) } else { walls.append(wall) }
            if figures == nil { figures = Figures(computed) }
            Report.note(String(format: "  SDK report %@: %.3f s (%.0f activities/s; stream %.3f s + report %.3f s), peak RSS %.0f MB (computation +%.0f MB, of which streaming state +%.0f MB)",
                               warmup ? "warm-up \(run)" : "run \(run - warmups)", wall, Double(n) / wall, streamed, wall - streamed, Double(peak.kilobytes) / 1024,
                               Double(peak.kilobytes - rssBefore) / 1024, Double(streamKB) / 1024))
            peerProcess?.runOnce()
        }
        // 4. The peer's result.
        let peer = peerProcess?.finish()
        guard let sdk = figures else { return }
        let wall = median(walls)
        let result = Result(
            scale: label, n: n, wall: wall, bestWall: walls.min() ?? wall, warmupWalls: warmupWalls, importSeconds: importSeconds, peakMB: Double(peakKB) / 1024,
            rssBeforeMB: Double(rssBefore) / 1024, tableMB: tableMB, streamMB: Double(streamPeakKB) / 1024,
            peakMethod: method, sdk: sdk, peer: peer)
        FileHandle.standardOutput.write(Data((result.json + "\n").utf8))
        result.printTable(runs: repeats)
        if let peer, !sdk.agrees(with: peer.figures) {
            mismatch.store(true, ordering: .relaxed)
        }
    }

    // MARK: Steps

    /// Generates the community and writes it as JSONL; returns the file size. A non-empty file
    /// already at `$COMMUNITY_BENCH_JSONL` is reused as is, whatever count wrote it (both sides
    /// read the same file, and `n` is its row count); delete it to regenerate.
    static func generate(_ activities: Int, to file: URL, reuse: Bool = false) throws -> Int {
        if reuse, let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int, size > 0 {
            Report.note("  reusing \(file.path) (\(size / 1_000_000) MB); delete it to regenerate")
            return size
        }
        let t0 = monotonicNanoseconds()
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.seed = seed
        configuration.events = activities
        let community = try SyntheticCommunityGenerator(configuration: configuration).generate()
        let generated = seconds(since: t0)
        let t1 = monotonicNanoseconds()
        let data = ActivityLogWriter.write(community.log.records)
        do {
            try data.write(to: file)
        } catch {
            throw CommunityError(.storage, "cannot write the JSONL to \(file.path): \(error.localizedDescription)")
        }
        Report.note(String(format: "  generated %d records in %.1f s, wrote %.0f MB of JSONL in %.1f s (%@)",
                           community.log.records.count, generated, Double(data.count) / 1e6, seconds(since: t1), file.path))
        return data.count
    }

    /// The peer script: next to this source's folder, else under the current directory.
    static func peerScript() -> URL? {
        let beside = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("insights-duckdb.py")
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("Benchmarks/insights-duckdb.py")
        return [beside, local].first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func seconds(since start: UInt64) -> Double { Double(monotonicNanoseconds() - start) / 1e9 }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
    }
}

// MARK: Figures

/// The headline figures both sides compute (snake_case keys shared with the peer's JSON).
struct Figures: Codable, Sendable {
    var pas: Double?
    var questionsWithResponse: Int
    var mit: Double?
    var threads: Int
    var memberThreads: Int
    var ttfrMedianSeconds: Double?
    var ttfrP90Seconds: Double?
    var threadsWithResponse: Int
    var unansweredRate: Double?
    var eligibleThreads: Int
    var unansweredThreads: Int
    var dauMau: Double
    var dau: Int
    var mau: Int

    enum CodingKeys: String, CodingKey {
        case pas
        case questionsWithResponse = "questions_with_response"
        case mit, threads
        case memberThreads = "member_threads"
        case ttfrMedianSeconds = "ttfr_median_seconds"
        case ttfrP90Seconds = "ttfr_p90_seconds"
        case threadsWithResponse = "threads_with_response"
        case unansweredRate = "unanswered_rate"
        case eligibleThreads = "eligible_threads"
        case unansweredThreads = "unanswered_threads"
        case dauMau = "dau_mau"
        case dau, mau
    }

    init(_ report: InsightsReport) {
        pas = report.peerAnswers.pas
        questionsWithResponse = report.peerAnswers.questionsWithResponse
        mit = report.memberInitiated.mit
        threads = report.memberInitiated.threads
        memberThreads = report.memberInitiated.memberThreads
        ttfrMedianSeconds = report.firstResponse.medianSeconds
        ttfrP90Seconds = report.firstResponse.p90Seconds
        threadsWithResponse = report.firstResponse.threadsWithResponse
        unansweredRate = report.unanswered.unansweredRate
        eligibleThreads = report.unanswered.eligibleThreads
        unansweredThreads = report.unanswered.unansweredThreads
        dauMau = report.stickiness.dauMau
        dau = report.stickiness.dau
        mau = report.stickiness.mau
    }

    /// (name, SDK value, peer value, equal) for every figure, in table order.
    func rows(against peer: Figures?) -> [(String, String, String, Bool?)] {
        func real(_ name: String, _ a: Double?, _ b: Double??) -> (String, String, String, Bool?) {
            let same: Bool? = b.map { b in
                switch (a, b) {
                case (nil, nil): true
                case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
                default: false
                }
            }
            return (name, a.map { String(format: "%.6f", $0) } ?? "null", b.map { $0.map { String(format: "%.6f", $0) } ?? "null" } ?? "-", same)
        }
        func count(_ name: String, _ a: Int, _ b: Int?) -> (String, String, String, Bool?) {
            (name, String(a), b.map(String.init) ?? "-", b.map { $0 == a })
        }
        return [
            real("pas", pas, peer.map(\.pas)),
            count("  questions_with_response", questionsWithResponse, peer?.questionsWithResponse),
            real("mit", mit, peer.map(\.mit)),
            count("  member_threads", memberThreads, peer?.memberThreads),
            count("  threads", threads, peer?.threads),
            real("ttfr_median_seconds", ttfrMedianSeconds, peer.map(\.ttfrMedianSeconds)),
            real("ttfr_p90_seconds", ttfrP90Seconds, peer.map(\.ttfrP90Seconds)),
            count("  threads_with_response", threadsWithResponse, peer?.threadsWithResponse),
            real("unanswered_rate", unansweredRate, peer.map(\.unansweredRate)),
            count("  eligible_threads", eligibleThreads, peer?.eligibleThreads),
            count("  unanswered_threads", unansweredThreads, peer?.unansweredThreads),
            real("dau_mau", dauMau, peer.map { Optional($0.dauMau) }),
            count("  dau (last day)", dau, peer?.dau),
            count("  mau (last day)", mau, peer?.mau),
        ]
    }

    func agrees(with peer: Figures) -> Bool {
        rows(against: peer).allSatisfy { $0.3 ?? false }
    }
}

/// What `insights-duckdb.py` prints.
struct PeerResult: Decodable, Sendable {
    var duckdbVersion: String
    var threads: Int
    var rows: Int
    var loadSeconds: Double
    var querySeconds: Double
    var queryRuns: [Double]
    /// The warm-up runs, timed apart (absent from a script without `--warmup`).
    var warmupRuns: [Double]?
    var figures: Figures

    enum CodingKeys: String, CodingKey {
        case duckdbVersion = "duckdb_version"
        case threads = "duckdb_threads"
        case rows
        case loadSeconds = "load_seconds"
        case querySeconds = "query_seconds"
        case queryRuns = "query_runs"
        case warmupRuns = "warmup_runs"
        case figures
    }
}

extension InsightsReportBench {
    /// One run's figures: the JSON line and the human table.
    struct Result {
        var scale: String
        var n: Int
        var wall: Double
        var bestWall: Double
        /// The warm-up runs' wall times, timed apart (the first is the process's first run).
        var warmupWalls: [Double]
        var importSeconds: Double
        var peakMB: Double
        var rssBeforeMB: Double
        /// Resident growth of the import: the columnar table with its dictionaries.
        var tableMB: Double
        /// Resident growth right after the first run's streaming pass: the engine state.
        var streamMB: Double
        var peakMethod: String
        /// The computation's own peak: the peak minus the resident set before the run.
        var computeMB: Double { peakMB - rssBeforeMB }
        var sdk: Figures
        var peer: PeerResult?

        var opsPerSecond: Double { wall > 0 ? Double(n) / wall : 0 }
        var peerOpsPerSecond: Double? { peer.flatMap { $0.querySeconds > 0 ? Double($0.rows) / $0.querySeconds : nil } }
        var ratio: Double? { peerOpsPerSecond.map { opsPerSecond / $0 } }
        var agree: Bool? { peer.map { sdk.agrees(with: $0.figures) } }

        /// The JSON line: the fields of the brief in its order, then the extras.
        var json: String {
            func number(_ value: Double?, _ decimals: Int) -> String {
                guard let value, value.isFinite else { return "null" }
                return String(format: "%.\(decimals)f", value)
            }
            var fields: [(String, String)] = [
                ("bench", "\"insights.report\""), ("backend", "\"memory\""), ("scale", "\"\(scale)\""),
                ("ops_per_s", number(opsPerSecond, 0)), ("peer_ops_per_s", number(peerOpsPerSecond, 0)),
                ("ratio", number(ratio, 3)), ("peak_rss_mb", number(peakMB, 0)),
                ("import_per_s", number(importSeconds > 0 ? Double(n) / importSeconds : nil, 0)), ("n", String(n)),
                ("wall_s", number(wall, 3)), ("wall_best_s", number(bestWall, 3)), ("warmup_s", number(warmupWalls.first, 3)), ("import_s", number(importSeconds, 2)), ("rss_before_mb", number(rssBeforeMB, 0)),
                ("compute_rss_mb", number(computeMB, 0)), ("stream_rss_mb", number(streamMB, 0)), ("table_rss_mb", number(tableMB, 0)),
                ("peer_query_s", number(peer?.querySeconds, 3)),
                ("peer_query_best_s", number(peer?.queryRuns.min(), 3)), ("peer_warmup_s", number(peer?.warmupRuns?.first, 3)), ("peer_load_s", number(peer?.loadSeconds, 2)),
            ]
            if let peer {
                fields.append(("peer", "\"duckdb \(peer.duckdbVersion)\""))
                fields.append(("peer_threads", String(peer.threads)))
            }
            fields.append(("figures_agree", agree.map { $0 ? "true" : "false" } ?? "null"))
            return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }

        /// Prints the human table; `runs` is the number of timed runs of each side.
        func printTable(runs: Int) {
            var lines: [String] = []
            func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
                let gap = String(repeating: " ", count: max(1, width - text.count))
                return right ? gap + text : text + gap
            }
            let peerName = peer.map { "DuckDB \($0.duckdbVersion) (\($0.threads) threads)" } ?? "DuckDB (skipped)"
            // `InsightsEngine` streams on a second thread from 65,536 rows on.
            let sdkName = n >= 1 << 16 ? "SDK (2 threads)" : "SDK (1 thread)"
            lines.append(pad("insights.report  n=\(n) (\(scale))", 34) + pad(sdkName, 22, right: true) + pad(peerName, 32, right: true))
            lines.append(pad("load: import / table load", 34) + pad(String(format: "%.2f s", importSeconds), 22, right: true)
                + pad(peer.map { String(format: "%.2f s", $0.loadSeconds) } ?? "-", 32, right: true))
            lines.append(pad("report wall (median of \(runs))", 34) + pad(String(format: "%.3f s", wall), 22, right: true)
                + pad(peer.map { String(format: "%.3f s", $0.querySeconds) } ?? "-", 32, right: true))
            lines.append(pad("report wall (best of \(runs))", 34) + pad(String(format: "%.3f s", bestWall), 22, right: true)
                + pad(peer?.queryRuns.min().map { String(format: "%.3f s", $0) } ?? "-", 32, right: true))
            lines.append(pad("warm-up (first run, not in the median)", 34)
                + pad(warmupWalls.first.map { String(format: "%.3f s", $0) } ?? "-", 22, right: true)
                + pad(peer?.warmupRuns?.first.map { String(format: "%.3f s", $0) } ?? "-", 32, right: true))
            lines.append(pad("activities/s (median)", 34) + pad(String(format: "%.0f", opsPerSecond), 22, right: true)
                + pad(peerOpsPerSecond.map { String(format: "%.0f", $0) } ?? "-", 32, right: true))
            lines.append(pad("peak RSS during report", 34)
                + pad(String(format: "%.0f MB (%.0f before)", peakMB, rssBeforeMB), 22, right: true) + pad("", 32, right: true))
            lines.append(pad("  computation / table (resident)", 34)
                + pad(String(format: "+%.0f MB / %.0f MB", computeMB, tableMB), 22, right: true) + pad("", 32, right: true))
            lines.append(pad("  streaming state (after the pass)", 34)
                + pad(String(format: "+%.0f MB", streamMB), 22, right: true) + pad("", 32, right: true))
            lines.append("ratio SDK ÷ DuckDB activities/s: " + (ratio.map { String(format: "%.3f×", $0) } ?? "-") + " (target ≥ 1.0)"
                + ((ratio ?? 1) < 1 ? "  — the SDK is SLOWER than DuckDB" : ""))
            lines.append("peak RSS method: \(peakMethod)")
            lines.append(pad("figure", 28) + pad("SDK", 18, right: true) + pad("DuckDB", 18, right: true) + "  agree")
            for (name, a, b, same) in sdk.rows(against: peer?.figures) {
                lines.append(pad(name, 28) + pad(a, 18, right: true) + pad(b, 18, right: true) + "  " + (same.map { $0 ? "yes" : "NO" } ?? "-"))
            }
            if let agree, !agree {
                lines.append("""
                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                    WARNING insights.report: the SDK's and DuckDB's figures DISAGREE (rows marked NO).
                    The peer is no fair baseline until they agree; community-bench exits with status 1.
                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                    """)
            } else if agree == true {
                lines.append("figures: the SDK and DuckDB agree on all \(sdk.rows(against: nil).count) figures")
            }
            Report.note(lines.joined(separator: "\n"))
        }
    }
}

// MARK: Memory

/// Reads `/proc/self/status` (Linux); elsewhere every figure is `nil`.
enum ProcessMemory {
    /// A `Vm…` line of `/proc/self/status`, in kB.
    static func kilobytes(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.dropFirst(key.count + 1).filter(\.isNumber)
            return Int(digits)
        }
        return nil
    }

    /// Resets VmHWM to the current RSS (`echo 5 > /proc/self/clear_refs`, Linux ≥ 4.0).
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}

/// The peak RSS of one computation: VmHWM after a reset when the kernel allows it, else the
/// largest VmRSS sampled every 2 ms on a thread of its own.
///
/// The sampling thread runs only when the reset is refused: each sample reads and parses
/// `/proc/self/status`, which took some 4% of the two cores' time during the timed runs and
/// competed with the computation being measured (the peer, in its own process, has no probe).
final class PeakProbe: Sendable {
    private let sampled = Atomic<Int>(0)
    private let running = Atomic<Bool>(true)
    private let done = Atomic<Bool>(false)
    private let reset: Bool

    private init(reset: Bool) { self.reset = reset }

    static func start() -> PeakProbe {
        let probe = PeakProbe(reset: ProcessMemory.resetPeak())
        probe.sample()
        guard !probe.reset else {
            probe.done.store(true, ordering: .releasing)
            return probe
        }
        let thread = Thread { [probe] in
            while probe.running.load(ordering: .acquiring) {
                probe.sample()
                usleep(2_000)
            }
            probe.done.store(true, ordering: .releasing)
        }
        thread.start()
        return probe
    }

    private func sample() {
        let rss = ProcessMemory.kilobytes("VmRSS") ?? 0
        var current = sampled.load(ordering: .relaxed)
        while rss > current {
            let (exchanged, original) = sampled.compareExchange(expected: current, desired: rss, ordering: .relaxed)
            if exchanged { break }
            current = original
        }
    }

    /// Stops sampling; returns the peak in kB and how it was measured.
    func finish() -> (kilobytes: Int, method: String) {
        sample()
        running.store(false, ordering: .releasing)
        while !done.load(ordering: .acquiring) { usleep(500) }
        let sampledPeak = sampled.load(ordering: .relaxed)
        if reset, let hwm = ProcessMemory.kilobytes("VmHWM") {
            return (max(hwm, sampledPeak), "VmHWM of /proc/self/status, reset (clear_refs 5) just before the run; includes the table already in memory")
        }
        return (sampledPeak, "largest VmRSS of /proc/self/status sampled every 2 ms during the run; includes the table already in memory")
    }
}
