public import CommunityCore
public import Foundation

/// Charts of an ``InsightsReport`` as standalone SVG documents that open in any browser: axes,
/// labels, a title, a legend, a `<title>`/`<desc>` for screen readers, text escaped, and no
/// external resource (no fonts, images, scripts or style sheets to fetch).
///
/// - ``activity(_:title:)``: C2 daily engaged users (bars) with the C1 DAU/MAU ratio (line).
/// - ``retention(_:title:)``: the C3 heatmap of join-week cohorts × weeks W1–W12; censored
///   cells (not yet observable) are hatched grey, never drawn as 0%.
/// - ``participation(_:title:)``: the C8 Lorenz curve, cumulative share of posts against the
///   share of contributors (smallest first), with the Gini in the legend.
///
/// Empty or degenerate data (no days, no cohort, no posts) gives a valid chart with a
/// "No data" label. Each data mark carries a class for styling and tests: `bar`, `dau-mau`,
/// `cell` (plus `censored`), `lorenz`.
///
/// ```swift
/// let report = try InsightsReport.compute(from: log)
/// try InsightsCharts.write(report, to: URL(fileURLWithPath: "charts"))  // three .svg files
/// print(InsightsCharts.sparkline(report.dailyEngagedUsers.days.map { Double($0.count) }))
/// ```
public enum InsightsCharts {
    /// The chart files ``write(_:to:)`` creates, in order.
    public static let fileNames = ["activity.svg", "retention.svg", "participation.svg"]

    static let barColor = "#7fa7d9"
    static let lineColor = "#d9480f"
    static let curveColor = "#1c6dd0"

    // MARK: (a) Activity over time

    /// Daily engaged users (bars, left axis) and DAU/MAU per day (line, right axis) over the
    /// days of ``DailyEngagedUsers/days`` and ``Stickiness/days``.
    /// - Parameters:
    ///   - report: The report.
    ///   - title: The chart title (escaped).
    /// - Returns: A standalone SVG document.
    public static func activity(_ report: InsightsReport, title: String = "Daily engaged users and DAU/MAU") -> String {
        let width = 860.0, height = 420.0
        let left = 70.0, right = width - 70, top = 96.0, bottom = height - 62
        var svg = SVGDocument(width: width, height: height)
        header(&svg, title: title, subtitle: windowLabel(report))
        let engaged = report.dailyEngagedUsers.days
        let ratios = Dictionary(report.stickiness.days.map { ($0.date, $0.dauMau) }, uniquingKeysWith: { a, _ in a })
        let description = "Bar chart of daily engaged members per UTC day with a line of the daily DAU/MAU ratio; "
            + "\(engaged.count) days, mean \(report.dailyEngagedUsers.mean.map { String(format: "%.1f", $0) } ?? "n/a") engaged members a day, "
            + "DAU/MAU over the last 30 days \(SVGDocument.percent(report.stickiness.dauMau, digits: 1))."
        guard !engaged.isEmpty else {
            svg.noData("the window has no day up to the evaluation time", x: left, y: top, width: right - left, height: bottom - top)
            return svg.render(title: title, description: description)
        }
        let maxCount = SVGDocument.niceCeiling(Double(max(engaged.map(\.count).max() ?? 0, 1)))
        let maxRatio = SVGDocument.niceCeiling(max(ratios.values.max() ?? 0, 0.1))
        let plotWidth = right - left, plotHeight = bottom - top
        let slot = plotWidth / Double(engaged.count)
        // Grid and left axis (counts).
        for step in 0...4 {
            let y = bottom - plotHeight * Double(step) / 4
            svg.line(x1: left, y1: y, x2: right, y2: y, stroke: SVGDocument.grid, className: "grid")
            svg.text(count(maxCount * Double(step) / 4), x: left - 8, y: y + 4, size: 11, anchor: .end, fill: SVGDocument.muted, className: "tick")
            svg.text(axisPercent(maxRatio * Double(step) / 4), x: right + 8, y: y + 4, size: 11, fill: lineColor, className: "tick")
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: SVGDocument.ink, className: "axis")
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: SVGDocument.ink, className: "axis")
        svg.line(x1: right, y1: top, x2: right, y2: bottom, stroke: lineColor, className: "axis")
        svg.text("engaged members", x: 18, y: (top + bottom) / 2, size: 12, anchor: .middle, fill: SVGDocument.muted, rotate: -90)
        svg.text("DAU/MAU", x: width - 16, y: (top + bottom) / 2, size: 12, anchor: .middle, fill: lineColor, rotate: 90)
        // Bars.
        let gap = slot > 4 ? slot * 0.2 : 0
        var points: [(Double, Double)] = []
        for (i, day) in engaged.enumerated() {
            let x = left + slot * Double(i)
            let h = plotHeight * Double(day.count) / maxCount
            svg.rect(x: x + gap / 2, y: bottom - h, width: slot - gap, height: h, fill: barColor, className: "bar",
                     title: "\(day.date): \(day.count) engaged")
            let ratio = ratios[day.date] ?? 0
            points.append((x + slot / 2, bottom - plotHeight * ratio / maxRatio))
        }
        // X labels: at most 8, on evenly spaced days.
        let every = max(1, Int((Double(engaged.count) / 8).rounded(.up)))
        for i in stride(from: 0, to: engaged.count, by: every) {
            let x = left + slot * (Double(i) + 0.5)
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: SVGDocument.ink)
            svg.text(String(engaged[i].date.dropFirst(5)), x: x, y: bottom + 18, size: 11, anchor: .middle, fill: SVGDocument.muted, className: "tick")
        }
        svg.text("UTC day, \(engaged[0].date) to \(engaged[engaged.count - 1].date)", x: (left + right) / 2, y: bottom + 38,
                 size: 12, anchor: .middle, fill: SVGDocument.muted)
        // DAU/MAU line (a single day is drawn as a short flat segment).
        if points.count == 1, let p = points.first { points = [(p.0 - slot / 2, p.1), (p.0 + slot / 2, p.1)] }
        svg.polyline(points, stroke: lineColor, width: 2, className: "dau-mau")
        // Legend.
        var legendX = left
        svg.rect(x: legendX, y: 66, width: 14, height: 10, fill: barColor, className: "legend")
        svg.text("Daily engaged users (left axis; mean \(report.dailyEngagedUsers.mean.map { String(format: "%.1f", $0) } ?? "n/a"), peak \(report.dailyEngagedUsers.peak))",
                 x: legendX + 20, y: 75, size: 12)
        legendX += 380
        svg.line(x1: legendX, y1: 71, x2: legendX + 16, y2: 71, stroke: lineColor, width: 2, className: "legend")
        svg.text("DAU/MAU (right axis; 30-day mean \(SVGDocument.percent(report.stickiness.dauMau, digits: 1)))",
                 x: legendX + 22, y: 75, size: 12)
        return svg.render(title: title, description: description)
    }

    // MARK: (b) Retention heatmap

    /// The C3 retention heatmap: one row per join-week cohort (oldest first), one column per
    /// week W1–W12; colour = share of the cohort active that week; censored cells hatched.
    /// - Parameters:
    ///   - report: The report.
    ///   - title: The chart title (escaped).
    /// - Returns: A standalone SVG document.
    public static func retention(_ report: InsightsReport, title: String = "Weekly retention by join-week cohort") -> String {
        let cohorts = report.retention.cohorts
        let cellWidth = 52.0, cellHeight = 26.0
        let left = 190.0, top = 124.0
        let width = max(left + cellWidth * 12 + 40, 860)
        let rows = max(cohorts.count, 3)
        let height = top + cellHeight * Double(rows) + 70
        var svg = SVGDocument(width: width, height: height)
        svg.defs += "<pattern id=\"censored\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
        svg.defs += "<rect width=\"6\" height=\"6\" fill=\"#f0f0f0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b7bf\" stroke-width=\"2\"/></pattern>\n"
        header(&svg, title: title, subtitle: windowLabel(report))
        let observed = cohorts.flatMap { $0.weeks.compactMap { $0 } }
        let scale = SVGDocument.niceCeiling(max(observed.max() ?? 0, 0.1))
        let description = "Heatmap of the share of each join-week cohort active in weeks 1 to 12 after joining; "
            + "\(cohorts.count) cohorts, \(observed.count) observed cells; hatched cells are not yet observable (censored)."
        // Legend: colour ramp and the censored swatch.
        svg.defs += "<linearGradient id=\"ramp\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
        svg.defs += "<stop offset=\"0\" stop-color=\"\(color(0))\"/><stop offset=\"0.5\" stop-color=\"\(color(0.5))\"/><stop offset=\"1\" stop-color=\"\(color(1))\"/></linearGradient>\n"
        svg.text("active that week:", x: left - 120, y: 74, size: 12, fill: SVGDocument.muted)
        svg.rect(x: left, y: 64, width: 160, height: 12, fill: "url(#ramp)", stroke: SVGDocument.grid, className: "legend")
        svg.text("0%", x: left, y: 90, size: 11, anchor: .middle, fill: SVGDocument.muted)
        svg.text(SVGDocument.percent(scale), x: left + 160, y: 90, size: 11, anchor: .middle, fill: SVGDocument.muted)
        svg.rect(x: left + 200, y: 64, width: 18, height: 12, fill: "url(#censored)", stroke: "#b0b7bf", className: "legend")
        svg.text("not yet observable (censored)", x: left + 224, y: 74, size: 12, fill: SVGDocument.muted)
        // Column headers.
        svg.text("join week (members)", x: left - 10, y: top - 10, size: 12, anchor: .end, fill: SVGDocument.muted, weight: "bold")
        for k in 0..<12 {
            svg.text("W\(k + 1)", x: left + cellWidth * (Double(k) + 0.5), y: top - 10, size: 12, anchor: .middle, fill: SVGDocument.muted, className: "tick")
        }
        guard !cohorts.isEmpty else {
            svg.noData("no member joined in the window", x: left, y: top, width: cellWidth * 12, height: cellHeight * Double(rows))
            return svg.render(title: title, description: description)
        }
        for (row, cohort) in cohorts.enumerated() {
            let y = top + cellHeight * Double(row)
            svg.text("\(cohort.cohortStart) (\(cohort.members))", x: left - 10, y: y + cellHeight / 2 + 4, size: 12, anchor: .end, className: "tick")
            for k in 0..<12 {
                let x = left + cellWidth * Double(k)
                let value = k < cohort.weeks.count ? cohort.weeks[k] : nil
                if let value {
                    let t = min(max(value / scale, 0), 1)
                    svg.rect(x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2, fill: color(t), className: "cell",
                             title: "cohort \(cohort.cohortStart), W\(k + 1): \(SVGDocument.percent(value, digits: 1))")
                    svg.text(SVGDocument.percent(value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, size: 11, anchor: .middle,
                             fill: t > 0.45 ? "#ffffff" : SVGDocument.ink, className: "value")
                } else {
                    svg.rect(x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2, fill: "url(#censored)", className: "cell censored",
                             title: "cohort \(cohort.cohortStart), W\(k + 1): not yet observable")
                }
            }
        }
        svg.text("weeks after joining: W k = active in [join + 7k days, join + 7(k+1) days)", x: left, y: top + cellHeight * Double(rows) + 28,
                 size: 12, fill: SVGDocument.muted)
        return svg.render(title: title, description: description)
    }

    /// White → blue ramp (t in 0…1).
    static func color(_ t: Double) -> String {
        let from = (247.0, 251.0, 255.0), to = (8.0, 48.0, 107.0)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return String(format: "#%02x%02x%02x", mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
    }

    // MARK: (c) Participation curve

    /// The C8 participation curve: the Lorenz curve of posts (cumulative share of posts against
    /// the share of contributors, smallest first) with the line of equality, the Gini in the
    /// legend and the top-10% share in the caption.
    /// - Parameters:
    ///   - report: The report.
    ///   - title: The chart title (escaped).
    /// - Returns: A standalone SVG document.
    public static func participation(_ report: InsightsReport, title: String = "Participation curve (who writes the posts)") -> String {
        let c8 = report.participation
        let width = 640.0, height = 610.0
        let left = 90.0, top = 120.0, size = 400.0
        let bottom = top + size, right = left + size
        var svg = SVGDocument(width: width, height: height)
        header(&svg, title: title, subtitle: windowLabel(report))
        let gini = c8.gini.map { String(format: "%.2f", $0) } ?? "n/a (fewer than 2 contributors)"
        let description = "Lorenz curve of posts over \(c8.contributors) contributors and \(c8.posts) posts; Gini \(gini)."
        // Legend.
        svg.line(x1: left, y1: 68, x2: left + 18, y2: 68, stroke: curveColor, width: 3, className: "legend")
        svg.text("Lorenz curve of posts (Gini \(gini))", x: left + 24, y: 72, size: 12)
        svg.line(x1: left, y1: 88, x2: left + 18, y2: 88, stroke: SVGDocument.muted, width: 1.5, dash: "5 4", className: "legend")
        svg.text("line of equality (everyone posts the same)", x: left + 24, y: 92, size: 12)
        // Axes and grid.
        for step in 0...4 {
            let f = Double(step) / 4
            svg.line(x1: left, y1: bottom - size * f, x2: right, y2: bottom - size * f, stroke: SVGDocument.grid, className: "grid")
            svg.line(x1: left + size * f, y1: top, x2: left + size * f, y2: bottom, stroke: SVGDocument.grid, className: "grid")
            svg.text(SVGDocument.percent(f), x: left - 8, y: bottom - size * f + 4, size: 11, anchor: .end, fill: SVGDocument.muted, className: "tick")
            svg.text(SVGDocument.percent(f), x: left + size * f, y: bottom + 18, size: 11, anchor: .middle, fill: SVGDocument.muted, className: "tick")
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: SVGDocument.ink, className: "axis")
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: SVGDocument.ink, className: "axis")
        svg.text("share of contributors, fewest posts first", x: (left + right) / 2, y: bottom + 40, size: 12, anchor: .middle, fill: SVGDocument.muted)
        svg.text("cumulative share of posts", x: left - 52, y: (top + bottom) / 2, size: 12, anchor: .middle, fill: SVGDocument.muted, rotate: -90)
        guard !c8.lorenzCurve.isEmpty else {
            svg.noData("no posts by members in the window", x: left, y: top, width: size, height: size)
            return svg.render(title: title, description: description)
        }
        let points = c8.lorenzCurve.map { (left + size * $0.contributorShare, bottom - size * $0.postShare) }
        svg.polygon(points + [(right, top)], fill: "#dbe7f7", className: "lorenz-area")
        svg.line(x1: left, y1: bottom, x2: right, y2: top, stroke: SVGDocument.muted, width: 1.5, dash: "5 4", className: "equality")
        svg.polyline(points, stroke: curveColor, width: 3, className: "lorenz")
        var caption = "\(c8.contributors) contributors, \(c8.posts) posts"
        if let top10 = c8.top10PercentShare { caption += "; the top 10% wrote \(SVGDocument.percent(top10)) of posts" }
        if let caf = c8.contributorAbsenceFactor { caption += "; \(caf) wrote half" }
        svg.text(caption, x: (left + right) / 2, y: bottom + 62, size: 12, anchor: .middle, fill: SVGDocument.ink, className: "caption")
        return svg.render(title: title, description: description)
    }

    // MARK: Files and sparklines

    /// The three charts, named as in ``fileNames``.
    /// - Parameter report: The report.
    /// - Returns: (file name, SVG) pairs.
    public static func all(_ report: InsightsReport) -> [(fileName: String, svg: String)] {
        [(fileNames[0], activity(report)), (fileNames[1], retention(report)), (fileNames[2], participation(report))]
    }

    /// Writes `activity.svg`, `retention.svg` and `participation.svg` into a directory, creating
    /// it (and its parents) if needed and replacing existing files.
    /// - Parameters:
    ///   - report: The report.
    ///   - directory: The directory.
    /// - Returns: The files written.
    /// - Throws: ``CommunityError`` `storage` (field `directory`) if the directory cannot be
    ///   created or a file cannot be written.
    @discardableResult
    public static func write(_ report: InsightsReport, to directory: URL) throws(CommunityError) -> [URL] {
        var existing = directory.standardizedFileURL
        while existing.pathComponents.count > 1, !FileManager.default.fileExists(atPath: existing.path) {
            existing.deleteLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: existing.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommunityError(
                .storage, "cannot create the chart directory \(directory.path): \(existing.path) is a file, not a directory",
                field: "directory")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommunityError(.storage, "cannot create the chart directory \(directory.path): \(error.localizedDescription)", field: "directory")
        }
        var written: [URL] = []
        for (name, svg) in all(report) {
            let url = directory.appendingPathComponent(name)
            do {
                try Data(svg.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommunityError(.storage, "cannot write \(url.path): \(error.localizedDescription)", field: "directory")
            }
            written.append(url)
        }
        return written
    }

    /// A terminal sparkline (`▁▂▃▄▅▆▇█`) of a series, scaled from 0 to its maximum; a series
    /// longer than `width` is averaged into `width` buckets. Empty input gives an empty string;
    /// non-finite values count as 0.
    /// - Parameters:
    ///   - values: The series.
    ///   - width: The maximum number of characters (default 60).
    /// - Returns: The sparkline.
    public static func sparkline(_ values: [Double], width: Int = 60) -> String {
        let clean = values.map { $0.isFinite ? max($0, 0) : 0 }
        guard !clean.isEmpty, width > 0 else { return "" }
        var series = clean
        if clean.count > width {
            series = (0..<width).map { b in
                let lo = b * clean.count / width, hi = max((b + 1) * clean.count / width, lo + 1)
                return clean[lo..<hi].reduce(0, +) / Double(hi - lo)
            }
        }
        let bars = Array("▁▂▃▄▅▆▇█")
        let peak = series.max() ?? 0
        guard peak > 0 else { return String(repeating: bars[0], count: series.count) }
        return String(series.map { bars[min(7, Int(($0 / peak * 7).rounded()))] })
    }

    // MARK: Shared parts

    static func header(_ svg: inout SVGDocument, title: String, subtitle: String) {
        svg.text(title, x: 20, y: 28, size: 18, weight: "bold", className: "chart-title")
        svg.text(subtitle, x: 20, y: 46, size: 11, fill: SVGDocument.muted, className: "subtitle")
    }

    static func windowLabel(_ report: InsightsReport) -> String {
        "window \(RFC3339.format(report.window.from)) to \(RFC3339.format(report.window.to)), UTC"
    }

    /// A percentage tick: whole percents without decimals, others with one (12.5%).
    static func axisPercent(_ value: Double) -> String {
        let p = value * 100
        return abs(p - p.rounded()) < 1e-9 ? String(format: "%.0f%%", p) : String(format: "%.1f%%", p)
    }

    static func count(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
