import CommunityKit
import Foundation

/// `community-demo insights`: computes the community health report of an activity export.
///
/// ```
/// community-demo insights --import FILE.jsonl [--from ISO --to ISO] [--json] [--svg DIR] [--crm FILE.csv|FILE.jsonl]
/// ```
///
/// Prints a terminal rendering with aligned tables and sparklines, or the JSON report with
/// `--json`; `--svg` also writes the three charts, `--crm` the CRM export. Exit codes follow
/// sysexits: 0 success, 64 usage error, 65 data error (unreadable file, bad line, a chart or
/// export that cannot be written).
enum InsightsCommand {
    static let usage = """
        usage: community-demo insights [--db PATH | --memory | --import FILE.jsonl] [--from ISO --to ISO] [--json]
                                       [--svg DIR] [--crm FILE.csv|FILE.jsonl] [--export FILE.jsonl]

          (default)       the report of the demo community in community-demo.sqlite
                          (built first if the file does not hold it yet)
          --db PATH       the demo database to read
          --memory        build the demo community in memory and report on it
          --import FILE   activity exchange file (JSON Lines), see Documentation/Insights.md
          --from ISO      window start, inclusive (RFC 3339, e.g. 2026-03-01T00:00:00Z,
                          or a date 2026-03-01 for midnight UTC);
                          default: start of the UTC day of the earliest line
          --to ISO        window end, exclusive; default: start of the UTC day after the last line
          --json          print the JSON report instead of tables
          --svg DIR       also write activity.svg, retention.svg and participation.svg
                          into DIR (created if needed)
          --crm FILE      also write the CRM export, one record per member: CSV (RFC 4180)
                          for FILE.csv, JSON Lines for FILE.jsonl
          --export FILE   also write the demo community's activity log as JSON Lines (exchange format)
        """

    /// Runs the command.
    /// - Parameter arguments: The arguments after `insights`.
    /// - Returns: The process exit code.
    static func run(_ arguments: [String]) async -> Int32 {
        var importPath: String?
        var databasePath = "community-demo.sqlite"
        var memory = false
        var from: Date?
        var to: Date?
        var json = false
        var outputs = Outputs()
        var index = 0
        func value(_ flag: String) -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--import":
                guard let path = value(argument) else { return usageError("--import needs a file path") }
                importPath = path
            case "--from", "--to":
                guard let text = value(argument) else { return usageError("\(argument) needs an RFC 3339 time") }
                guard let date = parseTime(text) else {
                    return usageError("\(argument) \(text) is not an RFC 3339 time (e.g. 2026-03-01T00:00:00Z)")
                }
                if argument == "--from" { from = date } else { to = date }
            case "--json":
                json = true
            case "--svg":
                guard let path = value(argument) else { return usageError("--svg needs a directory") }
                outputs.svgDirectory = path
            case "--crm":
                guard let path = value(argument) else { return usageError("--crm needs a file path ending in .csv or .jsonl") }
                guard let format = CRMFormat(path: path) else {
                    return usageError("--crm \(path): the file name must end in .csv or .jsonl")
                }
                outputs.crm = (path, format)
            case "--export":
                guard let path = value(argument) else { return usageError("--export needs a file path") }
                outputs.exportPath = path
            case "--memory":
                memory = true
            case "--db":
                guard let path = value(argument) else { return usageError("--db needs a path") }
                databasePath = path
            case "--help", "-h":
                print(usage)
                return 0
            default:
                return usageError("unknown argument \(argument)")
            }
            index += 1
        }
        if let from, let to, to <= from { return usageError("--to must be after --from") }
        guard let importPath else {
            return await reportDemoCommunity(path: memory ? nil : databasePath, from: from, to: to, json: json, outputs: outputs)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: importPath))
        } catch {
            FileHandle.standardError.write(Data("community-demo insights: cannot read \(importPath): \(error.localizedDescription)\n".utf8))
            return 65
        }
        do throws(CommunityError) {
            // Two passes over the bytes: the decoded records are never all in memory.
            let report = try InsightsReport.compute(importing: data, from: from, to: to)
            return try emit(report, json: json, outputs: outputs)
        } catch {
            FileHandle.standardError.write(Data("community-demo insights: \(error.code == .storage ? "" : importPath + ": ")\(error.message)\n".utf8))
            return 65
        }
    }

    /// The report of the demo community, computed from its own activity log.
    static func reportDemoCommunity(path: String?, from: Date?, to: Date?, json: Bool, outputs: Outputs) async -> Int32 {
        do {
            let store: any CommunityStore = try path.map { try SQLiteCommunityStore(path: $0) } ?? InMemoryCommunityStore()
            let kit = CommunityKit(store: store)
            let community: CommunityID
            if let existing = try? await kit.communities.community(slug: "swift-paris") {
                community = existing.id
            } else {
                community = try await Tour(kit: kit, quiet: true).run()
            }
            let records = try await ActivityLogExport.records(of: community, from: store)
            if let exportPath = outputs.exportPath {
                try ActivityLogWriter.write(records).write(to: URL(fileURLWithPath: exportPath))
                FileHandle.standardError.write(Data("wrote \(records.count) activity lines to \(exportPath)\n".utf8))
            }
            let log = ActivityLog(records: records)
            let window: InsightsWindow?
            if from != nil || to != nil {
                let covering = try InsightsWindow.covering(log)
                window = try InsightsWindow(from: from ?? covering.from, to: to ?? covering.to)
            } else {
                window = nil
            }
            let report = try InsightsReport.compute(from: log, window: window)
            return try emit(report, json: json, outputs: outputs)
        } catch let error as CommunityError {
            FileHandle.standardError.write(Data("community-demo insights: \(error.message)\n".utf8))
            return 65
        } catch {
            FileHandle.standardError.write(Data("community-demo insights: \(error)\n".utf8))
            return 65
        }
    }

    /// Files to write besides the report on stdout.
    struct Outputs {
        var svgDirectory: String?
        var crm: (path: String, format: CRMFormat)?
        /// Where to write the demo community's log in the exchange format.
        var exportPath: String?
    }

    /// Writes the charts and the CRM export, then prints the report (JSON or tables).
    static func emit(_ report: InsightsReport, json: Bool, outputs: Outputs) throws(CommunityError) -> Int32 {
        if let directory = outputs.svgDirectory {
            let files = try InsightsCharts.write(report, to: URL(fileURLWithPath: directory))
            FileHandle.standardError.write(Data("wrote \(files.map(\.path).joined(separator: ", "))\n".utf8))
        }
        if let (path, format) = outputs.crm {
            try CRMExport.write(report.members, format: format, toFile: URL(fileURLWithPath: path))
            FileHandle.standardError.write(Data("wrote \(report.members.count) CRM records (\(format.rawValue)) to \(path)\n".utf8))
        }
        if json {
            var data = try report.jsonData()
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            FileHandle.standardOutput.write(Data(render(report).utf8))
        }
        return 0
    }

    static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("community-demo insights: \(message)\n\n\(usage)\n".utf8))
        return 64
    }

    static func parseTime(_ text: String) -> Date? {
        // A bare date (2026-03-01) means midnight UTC.
        let text = text.count == 10 ? text + "T00:00:00Z" : text
        let line = #"{"type":"member","member":"x","t":"\#(text)"}"#
        return (try? ActivityLogReader.read(line))?.records.first?.time
    }

    // MARK: Rendering

    /// A table row: label, value, and a note (benchmark verdict or denominator).
    typealias Row = (String, String, String)

    static func render(_ r: InsightsReport) -> String {
        var out = "Community health report\n"
        out += "window \(iso(r.window.from)) .. \(iso(r.window.to)) (half-open), evaluated at \(iso(r.window.evaluationTime))\n"
        out += "\(r.volume.records) records, \(r.volume.members) members; in window: \(r.volume.threads) threads "
        out += "(\(r.volume.questions) questions), \(r.volume.replies) replies, \(r.volume.reactions) reactions, "
        out += "\(r.volume.views) views, \(r.volume.deletedPosts) deleted posts\n"
        let a1 = r.peerAnswers
        out += table("A1 Peer answer share", [
            ("PAS", pct(a1.pas), verdict(a1.health) + " · n=\(a1.questionsWithResponse) answered questions"),
            ("  member-asked", pct(a1.pasMemberAsked), ""),
            ("  staff-asked", pct(a1.pasStaffAsked), ""),
            ("Peer before staff", pct(a1.peerBeforeStaff), "n=\(a1.peerBeforeStaffThreads) threads with both"),
            ("Peer accepted share", pct(a1.peerAcceptedShare), "n=\(a1.acceptedAnswers), \(a1.selfSolved) self-solved excluded"),
        ])
        let a2 = r.memberInitiated
        out += table("A2 Member-initiated threads", [
            ("MIT", pct(a2.mit), verdict(a2.health) + " · \(a2.memberThreads)/\(a2.threads) threads"),
            ("MIT strict", pct(a2.mitStrict), "needs promptRef, absent from the format"),
            ("Self-starter rate", pct(a2.selfStarterRate), "\(a2.selfStarters)/\(a2.engagedMembers) engaged members"),
        ])
        let c1 = r.stickiness
        out += table("C1 Stickiness", [
            ("DAU/MAU", pct(c1.dauMau), verdict(c1.health)),
            ("Period", "\(c1.periodStart) .. \(c1.periodEnd)", "mean of 30 daily ratios"),
            ("DAU / MAU last day", "\(c1.dau) / \(c1.mau)", ""),
        ])
        out += sparkline("DAU/MAU per day", c1.days.map(\.dauMau), range: c1.days.first?.date, c1.days.last?.date,
                         peak: c1.days.map(\.dauMau).max().map { pct($0) })
        let c2 = r.dailyEngagedUsers
        out += table("C2 Daily engaged users", [
            ("Mean", num(c2.mean), "over \(c2.days.count) days"),
            ("Peak", "\(c2.peak)", ""),
        ])
        out += sparkline("Engaged per day", c2.days.map { Double($0.count) }, range: c2.days.first?.date, c2.days.last?.date,
                         peak: "\(c2.peak)")
        let c4 = r.firstResponse
        out += table("C4 Time to first response", [
            ("Median", duration(c4.medianSeconds), "n=\(c4.threadsWithResponse) threads"),
            ("p90", duration(c4.p90Seconds), ""),
            ("Staff median / p90", duration(c4.staffMedianSeconds) + " / " + duration(c4.staffP90Seconds), "n=\(c4.staffResponses)"),
            ("Peer median / p90", duration(c4.peerMedianSeconds) + " / " + duration(c4.peerP90Seconds), "n=\(c4.peerResponses)"),
            ("Answered within 24h", pct(c4.answeredWithin24h), "n=\(c4.answeredWithin24hEligible) threads >= 24h old"),
            ("Kaplan-Meier median", duration(c4.kaplanMeierMedianSeconds), "unanswered threads censored"),
        ])
        let c5 = r.unanswered
        out += table("C5 Unanswered", [
            ("Unanswered rate", pct(c5.unansweredRate), verdict(c5.health) + " · \(c5.unansweredThreads)/\(c5.eligibleThreads)"),
            ("  at 24h", pct(c5.unansweredAt24h), "n=\(c5.eligibleAt24h)"),
            ("  at 7d", pct(c5.unansweredAt7d), "n=\(c5.eligibleAt7d)"),
            ("Unsolved questions", pct(c5.unsolvedRate), "n=\(c5.unsolvedEligibleQuestions) questions >= 7d old"),
        ])
        let c6 = r.newContributors
        out += table("C6 New contributors", [
            ("New contributors", "\(c6.newContributors)", "first post ever in window"),
            ("Joined", "\(c6.joined)", ""),
            ("Activation (30d)", pct(c6.activationRate), "\(c6.activated)/\(c6.activationEligible) joiners observed 30 days"),
        ])
        let c8 = r.participation
        out += table("C8 Participation inequality", [
            ("Contributors / posts", "\(c8.contributors) / \(c8.posts)", "\(c8.activeMembers) visit-active members"),
            ("90-9-1 members", "\(pct(c8.lurkerShare)) / \(pct(c8.occasionalShare)) / \(pct(c8.heavyShare))", "lurkers / occasional / top 1%"),
            ("90-9-1 posts", "- / \(pct(c8.occasionalPostShare)) / \(pct(c8.heavyPostShare))", ""),
            ("Top-10% share", pct(c8.top10PercentShare), verdict(c8.health)),
            ("Gini", num(c8.gini), ""),
            ("Contributor absence factor", c8.contributorAbsenceFactor.map(String.init) ?? "n/a", pct(c8.contributorAbsenceShare) + " of contributors"),
        ])
        let a4 = r.topics
        out += table("A4 Topic breadth", [
            ("Beyond-product share", pct(a4.bps), "\(a4.beyondThreads)/\(a4.taggedThreads) tagged threads"),
            ("Tag coverage", pct(a4.coverage), "\(a4.taggedThreads)/\(a4.threads) threads"),
            ("Effective topics", num(a4.effectiveTopics), "exp(entropy)"),
        ])
        let c3 = r.retention
        var retentionRows: [Row] = c3.cohorts.map { cohort in
            let weeks = cohort.weeks.prefix(4).map { pct($0) }.joined(separator: " ")
            return ("Cohort \(cohort.cohortStart) (\(cohort.members))",
                    "\(pct(cohort.day1)) \(pct(cohort.day7)) \(pct(cohort.day30))", "W1-W4 " + weeks)
        }
        if retentionRows.isEmpty { retentionRows = [("No joiners in window", "", "")] }
        retentionRows.insert(("Join week (members)", "R1 R7 R30", "n/a = not yet observable (censored)"), at: 0)
        retentionRows.append(("First-post cohort retained", pct(c3.firstPost.retainedRate),
                              "n=\(c3.firstPost.members); replied \(pct(c3.firstPost.repliedRetainedRate)), not replied \(pct(c3.firstPost.unrepliedRetainedRate))"))
        out += table("C3 Retention", retentionRows)
        let c9 = r.activityTimes
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        out += "\nC9 Activity times (UTC)\n-----------------------\n"
        out += "     " + (0..<24).map { $0 % 3 == 0 ? String(format: "%-3d", $0) : "" }.joined() + "\n"
        let peak = max(c9.heatmap.flatMap { $0 }.max() ?? 0, 1)
        let shades = Array(" .:-=+*#%@")
        for (row, counts) in c9.heatmap.enumerated() {
            out += days[row] + "  " + String(counts.map { $0 == 0 ? " " : shades[min(9, 1 + $0 * 8 / peak)] }) + "\n"
        }
        out += "peak: \(c9.peakWeekday.map { days[$0] } ?? "n/a") at \(c9.peakHour.map { "\($0):00" } ?? "n/a"); "
        out += c9.bursts.isEmpty ? "no burst day\n" : "bursts: " + c9.bursts.map { "\($0.date) (\($0.count))" }.joined(separator: ", ") + "\n"
        let c11 = r.eventsResources
        out += table("C11 Events & resources", [
            ("Attendance", pct(c11.attendanceRate), verdict(c11.health) + " · \(c11.rsvpAttendees)/\(c11.rsvps) RSVPs"),
            ("Walk-ins", "\(c11.walkIns)", ""),
            ("RSVP reach", pct(c11.rsvpReach), "\(c11.rsvpMembers) members"),
            ("Unique viewers", "\(c11.uniqueViewers)", "\(c11.views) views, \(num(c11.viewsPerViewer)) per viewer"),
            ("Solution views", "\(c11.solutionViews)", "views of threads with an accepted answer"),
        ])
        let e = r.engagement
        out += table("Engagement (Orbit levels, Love, gravity)", [
            ("Levels L1/L2/L3/L4/inactive", "\(e.leading)/\(e.contributing)/\(e.participating)/\(e.exploring)/\(e.inactive)", "\(e.members) members"),
            ("Love mean / median / max", "\(num(e.loveMean)) / \(num(e.loveMedian)) / \(num(e.loveMax))", "decay 10% per 30 days"),
            ("Gravity", num(e.gravity), "a month ago \(num(e.gravityMonthAgo)), change \(num(e.gravityChange))"),
            ("SPICES S/P/I/C/E/S", [e.spices.support, e.spices.product, e.spices.insight, e.spices.content,
                                    e.spices.engagement, e.spices.success].map { pct($0) }.joined(separator: " "), "support product insight content engagement success"),
        ])
        let a3 = r.champions
        out += table("A3 Champions", [
            ("Champions", "\(a3.champions)", a3.championMembers.prefix(10).joined(separator: ", ")),
            ("Emerging", "\(a3.emerging)", a3.emergingMembers.prefix(10).joined(separator: ", ")),
            ("Champion share", pct(a3.championShare), "of \(a3.engagedMau) engaged MAU"),
        ])
        let c7 = r.inactiveAtRisk
        out += table("C7 Inactive & at risk", [
            ("Inactive contributors", "\(c7.inactiveContributors)", "last post in window, older than 90 days"),
            ("At risk", "\(c7.atRisk)", "top quartile, silent \(c7.quietDays) days: " + c7.atRiskMembers.prefix(10).joined(separator: ", ")),
        ])
        var conversionRows: [Row] = r.conversion.cohorts.map { c in
            ("Cohort \(c.cohort) (\(c.eligible)/\(c.members))",
             [c.joinedToViewed, c.viewedToReacted, c.reactedToPosted, c.postedToChampion].map { pct($0) }.joined(separator: " "), "")
        }
        if conversionRows.isEmpty { conversionRows = [("No joiners in window", "", "")] }
        conversionRows.insert(("Join month (observed/joined)", "view react post champ", "step rates within 90 days of joining"), at: 0)
        for move in r.conversion.levelMoves where move.members > 0 {
            conversionRows.append(("Level \(move.level.map { "L\($0)" } ?? "inactive") a month ago (\(move.members))",
                                   "\(move.movedUp) up / \(move.held) held / \(move.movedDown) down", ""))
        }
        out += table("C10 Conversion", conversionRows)
        let top = r.members.sorted { $0.love > $1.love }.prefix(10)
        out += "\nTop members by Love\n-------------------\n"
        out += "member".padding(toLength: 16, withPad: " ", startingAt: 0) + "      love  level  champion  interests\n"
        for m in top {
            let level = m.orbitLevel.map { "L\($0)" } ?? "-"
            let status = m.champion ? "yes" : m.emerging ? "emerging" : "no"
            out += String(m.member.prefix(16)).padding(toLength: 16, withPad: " ", startingAt: 0)
            out += String(format: "%10.2f", m.love) + "  " + level.padding(toLength: 5, withPad: " ", startingAt: 0)
            out += "  " + status.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + m.topInterests.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// A labelled sparkline line under a table: `label  ▁▃█▅  first .. last, peak X`.
    static func sparkline(_ label: String, _ values: [Double], range first: String?, _ last: String?, peak: String?) -> String {
        guard let first, let last, !values.isEmpty else { return label.padding(toLength: 28, withPad: " ", startingAt: 0) + "  (no days)\n" }
        let line = InsightsCharts.sparkline(values, width: 60)
        let buckets = values.count > 60 ? ", \(values.count) days in 60 buckets" : ""
        return label.padding(toLength: 28, withPad: " ", startingAt: 0) + "  " + line + "  \(first) .. \(last)\(buckets), peak \(peak ?? "n/a")\n"
    }

    static func table(_ title: String, _ rows: [Row]) -> String {
        let labelWidth = max(rows.map(\.0.count).max() ?? 0, 28)
        let valueWidth = max(rows.map(\.1.count).max() ?? 0, 22)
        var out = "\n\(title)\n" + String(repeating: "-", count: title.count) + "\n"
        for (label, value, note) in rows {
            var line = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
            line += String(repeating: " ", count: valueWidth - value.count) + value
            if !note.isEmpty { line += "  " + note }
            out += line + "\n"
        }
        return out
    }

    static func verdict(_ health: HealthAssessment) -> String {
        switch health.healthy {
        case true?: "healthy: \(health.benchmark)"
        case false?: "BELOW: \(health.benchmark)"
        case nil: ""
        }
    }

    static func pct(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return String(format: "%.1f%%", value * 100)
    }

    static func num(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return String(format: "%.3f", value)
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "n/a" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(s % 60)s" }
        if s < 86_400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        return "\(s / 86_400)d \(s % 86_400 / 3600)h"
    }

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
