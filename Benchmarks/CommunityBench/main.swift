import Foundation

// community-bench: measures CommunityKit on the workload of `bench/WORKLOAD.md`.
//
//   swift run -c release community-bench [--scale tiny|XS|S|L] [--backend memory,sqlite,postgres] [--only post.create,thread.page,...]
//                                        [--rounds N] [--mix FILE]   (rrule.expand)
//                                        [--activities N|10m] [--runs N] [--warmup N]   (insights.report)
//
// One JSON line per result on stdout, progress and a table on stderr. `--scale tiny` is a smoke
// run of a few hundred rows that finishes in seconds.

/// Every bench, in the order they run (reads first, so they see exactly the loaded data).
let allBenches = ["thread.page", "space.threads", "unread.counts", "search", "post.create", "rrule.expand", "rsvp.storm", "insights.report"]
/// The benches that need the discussion workload loaded into the backends.
let workloadBenches: Set<String> = ["thread.page", "space.threads", "unread.counts", "search", "post.create"]

/// The usage line, and with `help` the backends and the PostgreSQL settings; exits (0 for `--help`).
func usage(help: Bool = false) -> Never {
    Report.note("""
        usage: community-bench [--scale tiny|XS|S|L] [--backend memory,sqlite,postgres] [--only \(allBenches.joined(separator: ","))]
                               [--rounds N] [--mix FILE] [--activities N|10m] [--runs N] [--warmup N]
        """)
    if help {
        Report.note("""

            backends: memory, sqlite (default: memory,sqlite); postgres needs a binary built with the Postgres trait
              (swift build -c release --traits Postgres --product community-bench) and a server (15 or later), from:
              COMMUNITY_PG_HOST      host of the server (required)
              COMMUNITY_PG_PORT      port (default 5432)
              COMMUNITY_PG_USER      user (default postgres)
              COMMUNITY_PG_PASSWORD  password (default none)
              COMMUNITY_PG_DATABASE  database (default postgres)
              The run drops and recreates the schemas community_bench_sdk (SDK) and community_bench_peer (raw peer).
            """)
    }
    exit(help ? 0 : 2)
}

/// Whether this binary was built with the `Postgres` trait.
#if Postgres
let hasPostgres = true
#else
let hasPostgres = false
#endif

var scale = Scale.small
var backends = ["memory", "sqlite"]
var selected = allBenches
var benchOptions = BenchOptions()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    if flag == "--help" || flag == "-h" { usage(help: true) }
    guard let value = arguments.popFirst() else { usage() }
    let list = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    switch flag {
    case "--scale":
        guard let named = Scale.named(value) else { usage() }
        scale = named
    case "--backend":
        guard list.allSatisfy(["memory", "sqlite", "postgres"].contains) else { usage() }
        if list.contains("postgres") && !hasPostgres {
            Report.note("""
                community-bench: --backend postgres: this binary was built without the `Postgres` trait. Rebuild with
                  swift build -c release --traits Postgres --scratch-path .build-postgres-release --product community-bench
                """)
            exit(2)
        }
        backends = list
    case "--only":
        guard list.allSatisfy(allBenches.contains) else { usage() }
        selected = allBenches.filter(list.contains)
    case "--rounds":
        guard let rounds = Int(value), rounds > 0 else { usage() }
        benchOptions.rruleRounds = rounds
    case "--mix":
        benchOptions.rruleMix = value
    case "--runs":
        guard let runs = Int(value), runs > 0 else { usage() }
        benchOptions.insightsRuns = runs
    case "--warmup":
        guard let warmups = Int(value), warmups >= 0 else { usage() }
        benchOptions.insightsWarmups = warmups
    case "--activities":
        guard let count = InsightsReportBench.parseCount(value) else { usage() }
        benchOptions.activities = count
    default:
        usage()
    }
}

#if Postgres
if backends.contains("postgres") && !PostgresBenchServer.isConfigured {
    Report.note("community-bench: " + PostgresBenchServer.missingServer)
    exit(2)
}
#endif

/// Loads what the selected benches need and runs them, off the main actor (every measured call
/// runs on the global executor, as in a server).
@concurrent
func runBenches(_ selected: [String], scale: Scale, backends: [String], options: BenchOptions) async throws {
    let started = monotonicNanoseconds()
    let report = Report()
    // Benches that need no discussion data (none yet) get an empty workload.
    var workload = Workload(scale: Scale(name: scale.name, members: 2, spaces: 1, threads: 0, posts: 0, reactions: 0))
    var fixtures: [SDKFixture] = []
    var peer: SQLitePeer?
    if !workloadBenches.isDisjoint(with: selected) {
        let t0 = monotonicNanoseconds()
        workload = Workload(scale: scale)
        Report.note(String(format: "workload %@ generated in %.1f s (seed %d): ", scale.name, Double(monotonicNanoseconds() - t0) / 1e9, Workload.seed)
            + workload.summary)
        #if Postgres
        if backends.contains("postgres") { try await PostgresBenchServer.dropSchemas() }
        #endif
        for backend in backends {
            fixtures.append(try await SDKFixture.load(workload, backend: backend))
        }
        if backends.contains("sqlite") { peer = try SQLitePeer(workload: workload) }
    }
    #if Postgres
    var context = BenchContext(workload: workload, fixtures: fixtures, peer: peer, report: report, options: options)
    if backends.contains("postgres") && selected.contains("post.create") {
        context.postgresPeer = try await PostgresPeer(threads: workload.threads.count)
    }
    if let fixture = fixtures.first(where: { $0.backend == "postgres" && $0.supportsDiscussions }) {
        context.postgresReads = PostgresReadPeer(fixture: fixture)
    }
    #else
    let context = BenchContext(workload: workload, fixtures: fixtures, peer: peer, report: report, options: options)
    #endif

    for bench in selected {
        switch bench {
        case "thread.page": try await ThreadPageBench.run(context)
        case "space.threads": try await SpaceThreadsBench.run(context)
        case "unread.counts": try await UnreadCountsBench.run(context)
        case "search": try await SearchBench.run(context)
        case "post.create": try await PostCreateBench.run(context)
        case "rrule.expand": try RRuleExpandBench.run(context)
        case "rsvp.storm": try await RSVPStormBench.run(context, backends: backends)
        case "insights.report": try InsightsReportBench.run(
            activities: options.activities ?? InsightsReportBench.defaultActivities(scale), runs: options.insightsRuns,
            warmups: options.insightsWarmups)
        default: Report.note("unknown bench \(bench)")
        }
    }

    report.printTable()
    for fixture in fixtures { fixture.cleanup() }
    #if Postgres
    if backends.contains("postgres") { try await PostgresBenchServer.dropSchemas() }
    #endif
    Report.note(String(format: "total %.1f s", Double(monotonicNanoseconds() - started) / 1e9))
}

do {
    try await runBenches(selected, scale: scale, backends: backends, options: benchOptions)
} catch {
    Report.note("community-bench: \(error)")
    exit(1)
}
if InsightsReportBench.figuresDisagreed { exit(1) }
