import Foundation

/// A tiny SVG writer for ``InsightsCharts``: standalone documents (no external resources, no
/// scripts, no CSS files), text escaped, coordinates with one decimal.
struct SVGDocument {
    let width: Double
    let height: Double
    private(set) var body = ""
    var defs = ""

    static let font = "Helvetica, Arial, sans-serif"
    static let ink = "#1f2933"
    static let muted = "#52606d"
    static let grid = "#e4e7eb"

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Escapes text and attribute values for XML (`&`, `<`, `>`, `"`, `'`); drops characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate or size with at most one decimal, `.` as separator.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenth = (value * 10).rounded() / 10
        return tenth == tenth.rounded() ? String(Int(tenth)) : String(tenth)
    }

    mutating func raw(_ text: String) { body += text + "\n" }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        className: String? = nil, title: String? = nil
    ) {
        var tag = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(width, 0)))\" height=\"\(Self.n(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { tag += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        if let className { tag += " class=\"\(className)\"" }
        if let title {
            raw(tag + "><title>\(Self.escape(title))</title></rect>")
        } else {
            raw(tag + "/>")
        }
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil,
        className: String? = nil
    ) {
        var tag = "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { tag += " stroke-dasharray=\"\(dash)\"" }
        if let className { tag += " class=\"\(className)\"" }
        raw(tag + "/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, className: String) {
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        raw("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\" class=\"\(className)\"/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, className: String) {
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        raw("<polygon points=\"\(list)\" fill=\"\(fill)\" stroke=\"none\" class=\"\(className)\"/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ string: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, fill: String = ink,
        weight: String? = nil, className: String? = nil, rotate: Double? = nil
    ) {
        var tag = "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if let weight { tag += " font-weight=\"\(weight)\"" }
        if let className { tag += " class=\"\(className)\"" }
        if let rotate { tag += " transform=\"rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))\"" }
        raw(tag + ">\(Self.escape(string))</text>")
    }

    /// The "no data" label centred in a box.
    mutating func noData(_ reason: String, x: Double, y: Double, width: Double, height: Double) {
        rect(x: x, y: y, width: width, height: height, fill: "#f5f7fa", stroke: Self.grid, className: "no-data-box")
        text("No data", x: x + width / 2, y: y + height / 2 - 4, size: 16, anchor: .middle, fill: Self.muted, weight: "bold", className: "no-data")
        text(reason, x: x + width / 2, y: y + height / 2 + 16, size: 12, anchor: .middle, fill: Self.muted)
    }

    /// The document: XML declaration, `<svg>` with title and description for screen readers,
    /// a white background, the definitions and the body.
    func render(title: String, description: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
        out += "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
        out += "font-family=\"\(Self.font)\">\n"
        out += "<title id=\"chart-title\">\(Self.escape(title))</title>\n"
        out += "<desc id=\"chart-desc\">\(Self.escape(description))</desc>\n"
        if !defs.isEmpty { out += "<defs>\n\(defs)</defs>\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\" class=\"background\"/>\n"
        out += body
        return out + "</svg>\n"
    }

    /// A "nice" axis maximum ≥ `value`: 1, 2, 2.5 or 5 × 10^k.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, (log10(value)).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value * (1 - 1e-9) { return step * magnitude }
        return 10 * magnitude
    }

    static func percent(_ value: Double, digits: Int = 0) -> String {
        String(format: "%.\(digits)f%%", value * 100)
    }
}
