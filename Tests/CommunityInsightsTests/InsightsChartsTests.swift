import CommunityCore
import CommunityInsights
import CommunityTesting
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Counts elements by name and class and collects text while checking well-formedness.
final class SVGInspector: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var classes: [String: Int] = [:]
    var texts: [String] = []
    var titleText = ""
    private var inText = false, inTitle = false, depth = 0, current = ""

    static func inspect(_ svg: String) throws -> SVGInspector {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        guard parser.parse() else {
            throw CommunityError(.invalidInput, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        for c in (attributes["class"] ?? "").split(separator: " ") { classes[String(c), default: 0] += 1 }
        if name == "text" { inText = true; current = "" }
        if name == "title", depth == 1 { inTitle = true }
        depth += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
        if inTitle { titleText += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if name == "text" { texts.append(current); inText = false }
        if name == "title" { inTitle = false }
    }
}

@Suite struct InsightsChartsTests {
    static func charts(_ report: InsightsReport) throws -> [SVGInspector] {
        try [InsightsCharts.activity(report), InsightsCharts.retention(report), InsightsCharts.participation(report)]
            .map(SVGInspector.inspect)
    }

    /// Golden fixture: 8 days (03-01 … 03-08), two join-week cohorts, 4 contributors.
    @Test func goldenReportElementCounts() throws {
        let report = try GoldenFixture.report()
        let days = report.dailyEngagedUsers.days.count
        #expect(days == 8)
        let (activity, retention, participation) = try { () throws -> (SVGInspector, SVGInspector, SVGInspector) in
            let c = try Self.charts(report)
            return (c[0], c[1], c[2])
        }()
        #expect(activity.elements["svg"] == 1)
        #expect(activity.classes["bar"] == days)
        #expect(activity.classes["dau-mau"] == 1)
        #expect(activity.classes["no-data"] == nil)
        #expect(activity.texts.contains { $0.hasPrefix("Daily engaged users (left axis") })
        #expect(activity.texts.contains { $0.hasPrefix("DAU/MAU (right axis") })
        let cohorts = report.retention.cohorts
        #expect(retention.classes["cell"] == cohorts.count * 12)
        let censored = cohorts.reduce(0) { $0 + $1.weeks.filter { $0 == nil }.count }
        #expect(retention.classes["censored"] == censored)
        #expect(censored > 0)  // the fixture is 8 days long: every week is censored
        #expect(retention.texts.contains("W12"))
        #expect(retention.texts.contains("not yet observable (censored)"))
        let n = report.participation.contributors
        #expect(report.participation.lorenzCurve.count == n + 1)
        #expect(participation.classes["lorenz"] == 1)
        #expect(participation.classes["equality"] == 1)
        let gini = try #require(report.participation.gini)
        #expect(participation.texts.contains("Lorenz curve of posts (Gini \(String(format: "%.2f", gini)))"))
        for chart in [activity, retention, participation] {
            #expect(chart.elements["title"] ?? 0 >= 1)
            #expect(chart.elements["desc"] == 1)
            #expect(chart.elements["image"] == nil && chart.elements["script"] == nil)
        }
    }

    @Test func chartsReferenceNothingExternal() throws {
        let report = try GoldenFixture.report()
        for (_, svg) in InsightsCharts.all(report) {
            #expect(!svg.contains("href"))
            #expect(!svg.contains("@import"))
            #expect(svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "http") == nil)
        }
    }

    @Test func titlesAreEscaped() throws {
        let report = try GoldenFixture.report()
        let title = "Tom & Jerry's <forum> \"Q&A\""
        for svg in [InsightsCharts.activity(report, title: title), InsightsCharts.retention(report, title: title),
                    InsightsCharts.participation(report, title: title)] {
            #expect(svg.contains("Tom &amp; Jerry&apos;s &lt;forum&gt; &quot;Q&amp;A&quot;"))
            let parsed = try SVGInspector.inspect(svg)
            #expect(parsed.titleText == title)
            #expect(parsed.texts.contains(title))
        }
    }

    /// A window after the evaluation time has no day, no cohort and no post.
    @Test func emptyReportGivesNoDataCharts() throws {
        let log = try GoldenFixture.log()
        let later = Date(timeIntervalSince1970: 1_773_100_800)  // 2026-03-10, after E
        let report = try InsightsReport.compute(from: log, window: try InsightsWindow(from: later, to: later.addingTimeInterval(86_400)))
        #expect(report.dailyEngagedUsers.days.isEmpty && report.stickiness.days.isEmpty)
        for chart in try Self.charts(report) {
            #expect(chart.classes["no-data"] == 1)
            #expect(chart.texts.contains("No data"))
        }
    }

    /// One member, one post: one day, one cohort (all censored), n = 1 (Gini undefined).
    @Test func degenerateReport() throws {
        let log = try ActivityLogReader.read("""
        {"type":"member","member":"solo","t":"2026-03-01T10:00:00Z"}
        {"type":"thread","id":"q","member":"solo","t":"2026-03-01T11:00:00Z","space":"s","kind":"question"}
        """)
        let report = try InsightsReport.compute(from: log)
        let c = try Self.charts(report)
        #expect(c[0].classes["bar"] == 1 && c[0].classes["dau-mau"] == 1 && c[0].classes["no-data"] == nil)
        #expect(c[1].classes["cell"] == 12 && c[1].classes["censored"] == 12)
        #expect(report.participation.gini == nil)
        #expect(c[2].classes["lorenz"] == 1)
        #expect(c[2].texts.contains { $0.contains("Gini n/a") })
    }

    @Test func writesThreeFilesCreatingTheDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let files = try InsightsCharts.write(try GoldenFixture.report(), to: directory)
        #expect(files.map(\.lastPathComponent) == InsightsCharts.fileNames)
        for file in files { _ = try SVGInspector.inspect(try String(contentsOf: file, encoding: .utf8)) }
        let blocked = URL(fileURLWithPath: files[0].path)  // a file, not a directory
        #expect(throws: CommunityError.self) { try InsightsCharts.write(try GoldenFixture.report(), to: blocked) }
    }

    @Test func sparklines() {
        #expect(InsightsCharts.sparkline([]) == "")
        #expect(InsightsCharts.sparkline([0, 0]) == "▁▁")
        #expect(InsightsCharts.sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(InsightsCharts.sparkline([1, .nan, -3, 1]) == "█▁▁█")
        #expect(InsightsCharts.sparkline((0..<365).map(Double.init), width: 60).count == 60)
    }
}

/// The C1 daily series and the C8 Lorenz curve added to the report.
@Suite struct DailySeriesTests {
    @Test func dailyStickinessMatchesTheLastDayAndTheDays() throws {
        let report = try GoldenFixture.report()
        let days = report.stickiness.days
        #expect(days.map(\.date) == report.dailyEngagedUsers.days.map(\.date))
        let last = try #require(days.last)
        #expect(last.date == report.stickiness.periodEnd)
        #expect(last.dau == report.stickiness.dau && last.mau == report.stickiness.mau)
    }

    /// Against a brute force over the synthetic log: DAU(d), MAU(d) = members active in [d−29, d],
    /// and the mean of the last 30 ratios is C1's `dau_mau`.
    @Test func dailyStickinessAgreesWithABruteForce() throws {
        var configuration = SyntheticCommunityGenerator.Configuration()
        configuration.events = 20_000
        configuration.seed = 11
        let log = try SyntheticCommunityGenerator(configuration: configuration).generate().log
        let report = try InsightsReport.compute(from: log)
        var staff: [String: Bool] = [:], bots: Set<String> = []
        var activeDays: [Int: Set<String>] = [:]
        for record in log.records {
            guard let t = record.time else { continue }
            let day = Int((t.timeIntervalSince1970 / 86_400).rounded(.down))
            var who: String?
            switch record.event {
            case let .member(id, _, isStaff, bot):
                staff[id] = isStaff
                if bot { bots.insert(id) }
                who = id
            case let .thread(_, m, _, _, _, _), let .reply(_, m, _, _, _): who = m
            case let .accept(m, _, _, _), let .react(m, _, _), let .rsvp(m, _, _), let .attend(m, _, _), let .view(m, _, _): who = m
            case let .role(id, _, isStaff): staff[id] = isStaff
            default: break
            }
            if let who, staff[who] != true, !bots.contains(who) { activeDays[day, default: []].insert(who) }
        }
        let firstDay = Int((report.window.from.timeIntervalSince1970 / 86_400).rounded(.down))
        for (offset, entry) in report.stickiness.days.enumerated() {
            let d = firstDay + offset
            let mau = ((d - 29)...d).reduce(into: Set<String>()) { $0.formUnion(activeDays[$1] ?? []) }.count
            #expect(entry.dau == (activeDays[d]?.count ?? 0), "DAU \(entry.date)")
            #expect(entry.mau == mau, "MAU \(entry.date)")
        }
        let lastThirty = report.stickiness.days.suffix(30).map(\.dauMau)
        #expect(abs(lastThirty.reduce(0, +) / 30 - report.stickiness.dauMau) < 1e-12)
    }

    /// Gini = 1 − (1/n) Σ (L(i−1) + L(i)) on the exact curve (n ≤ 100); 101 vertices above.
    @Test func lorenzCurveAgreesWithTheGini() throws {
        let report = try GoldenFixture.report()
        let curve = report.participation.lorenzCurve
        let n = report.participation.contributors
        #expect(curve.first.map { $0.contributorShare == 0 && $0.postShare == 0 } == true)
        #expect(curve.last.map { $0.contributorShare == 1 && abs($0.postShare - 1) < 1e-12 } == true)
        var sum = 0.0
        for i in 1..<curve.count { sum += curve[i - 1].postShare + curve[i].postShare }
        let gini = try #require(report.participation.gini)
        #expect(abs((1 - sum / Double(n)) - gini) < 1e-12)
        // 150 contributors, member i writes i % 5 + 1 threads: 101 vertices at ranks round(k·n/100).
        var lines = [#"{"type":"member","member":"seed","t":"2026-03-01T00:00:00Z"}"#]
        var posts: [Int] = []
        for i in 0..<150 {
            lines.append(#"{"type":"member","member":"m\#(i)","t":"2026-03-01T01:00:00Z"}"#)
            for k in 0...(i % 5) {
                lines.append(#"{"type":"thread","id":"t\#(i)-\#(k)","member":"m\#(i)","t":"2026-03-01T02:00:00Z","space":"s","kind":"discussion"}"#)
            }
            posts.append(i % 5 + 1)
        }
        let big = try InsightsReport.compute(from: ActivityLogReader.read(lines.joined(separator: "\n")))
        #expect(big.participation.contributors == 150)
        #expect(big.participation.lorenzCurve.count == 101)
        let ascending = posts.sorted()
        let total = Double(ascending.reduce(0, +))
        let middle = big.participation.lorenzCurve[50]  // rank 75
        #expect(middle.contributorShare == 0.5)
        #expect(abs(middle.postShare - Double(ascending.prefix(75).reduce(0, +)) / total) < 1e-12)
        let ys = big.participation.lorenzCurve.map(\.postShare)
        #expect(ys == ys.sorted())
    }
}
