import Foundation

/// The peer of `insights.report`: `Benchmarks/insights-duckdb.py --interleave` in a process of
/// its own, its table loaded before the SDK's first run, running its queries once per SDK run
/// and right after it, so that each pair of runs sees the same state of the machine (on a
/// shared machine, speed drifts by tens of percent within a minute).
///
/// ```swift
/// let peer = DuckDBPeer.start(file, runs: 3, warmups: 1)  // loads its table, or nil with a note
/// for _ in 0..<4 { /* one SDK run */; peer?.runOnce() }
/// let result = peer?.finish()                      // figures and times, or nil with a note
/// ```
final class DuckDBPeer {
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    /// Bytes read from the peer's stdout after the last complete line.
    private var pending: [UInt8] = []
    /// Whether the peer has failed or ended early: no more runs are asked for.
    private var broken = false

    private init(process: Process, input: FileHandle, output: FileHandle) {
        self.process = process
        self.input = input
        self.output = output
    }

    /// Starts the peer on `file` for `warmups` warm-up runs then `runs` timed runs, and waits
    /// until its table is loaded; `nil` (with a note) if python3, duckdb or the script is
    /// unavailable, or the load fails.
    static func start(_ file: URL, runs: Int, warmups: Int) -> DuckDBPeer? {
        guard let script = InsightsReportBench.peerScript() else {
            Report.note("insights.report: peer skipped: Benchmarks/insights-duckdb.py not found (run from the package root)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path, "--repeat", String(runs), "--warmup", String(warmups), "--interleave"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            Report.note("insights.report: peer skipped: cannot start python3 (\(error.localizedDescription))")
            return nil
        }
        let peer = DuckDBPeer(process: process, input: stdin.fileHandleForWriting, output: stdout.fileHandleForReading)
        guard let line = peer.readLine(), line.contains("\"ready\"") else {
            _ = peer.finish()
            return nil
        }
        return peer
    }

    /// Runs the peer's queries once and waits for them; `false` once the peer has failed.
    @discardableResult
    func runOnce() -> Bool {
        guard !broken else { return false }
        do {
            try input.write(contentsOf: Data("run\n".utf8))
        } catch {
            broken = true
            return false
        }
        guard let line = readLine(), line.contains("\"run\"") else {
            broken = true
            return false
        }
        return true
    }

    /// Ends the peer and returns its result; `nil` (with a note) if it failed or is unavailable.
    func finish() -> PeerResult? {
        try? input.close()
        var rest = pending
        rest += output.readDataToEndOfFile()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 127:
            Report.note("insights.report: peer skipped: python3 is not installed")
            return nil
        case 3:
            Report.note("insights.report: peer skipped: duckdb is not available for python3 (pip install duckdb)")
            return nil
        default:
            Report.note("insights.report: peer FAILED with status \(process.terminationStatus); no ratio")
            return nil
        }
        // The result is the last line (the `run` lines of a broken exchange may precede it).
        let last = rest.split(separator: UInt8(ascii: "\n")).last.map { Data($0) } ?? Data()
        guard let peer = try? JSONDecoder().decode(PeerResult.self, from: last) else {
            Report.note("insights.report: peer output is not the expected JSON: \(String(decoding: last.prefix(400), as: UTF8.self))")
            return nil
        }
        return peer
    }

    /// The next line of the peer's stdout, without its newline; `nil` at the end of its output.
    private func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            pending += chunk
        }
    }
}
