import RegistrarModel
/// An inline SVG line chart of counts over time, with horizontal reference lines, labelled axes and a legend.
///
/// It draws from integers and needs no script, font file or network, so the report stays one
/// file that any browser shows the same way; every text it writes is escaped.
public struct SVGLineChart: Sendable {
    /// A point of the plotted line: its x-axis label and its value.
    public struct Point: Sendable {
        public let label: String
        public let value: Int

        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// A horizontal line across the plot, such as a base or a target.
    public struct ReferenceLine: Sendable {
        public let label: String
        public let value: Int
        /// A CSS colour.
        public let color: String

        public init(label: String, value: Int, color: String) {
            self.label = label
            self.value = value
            self.color = color
        }
    }

    public var title: String
    public var xAxisTitle: String
    public var yAxisTitle: String
    public var seriesLabel: String
    public var points: [Point]
    public var referenceLines: [ReferenceLine]
    public var seriesColor = "#1f5fa8"

    public init(title: String, xAxisTitle: String, yAxisTitle: String, seriesLabel: String,
                points: [Point], referenceLines: [ReferenceLine]) {
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.seriesLabel = seriesLabel
        self.points = points
        self.referenceLines = referenceLines
    }

    private let width = 760
    private let height = 400
    private let left = 90
    private let right = 30
    private let top = 60
    private let bottom = 70

    /// The chart as an `<svg>` element.
    public func render() -> String {
        let esc: (String) -> String = { HTMLEscape.escape($0) }
        let scale = YScale(values: points.map(\.value) + referenceLines.map(\.value))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            points.count > 1
                ? Double(left) + Double(index) * Double(plotWidth) / Double(points.count - 1)
                : Double(left) + Double(plotWidth) / 2
        }
        func y(_ value: Int) -> Double {
            Double(top + plotHeight) - Double(value - scale.low) * Double(plotHeight) / Double(scale.high - scale.low)
        }

        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
        role="img" aria-label="\(esc(title))" font-family="sans-serif" font-size="12">
        <title>\(esc(title))</title>

        """
        // Grid and y-axis tick labels.
        for tick in scale.ticks {
            let ty = Self.format(y(tick))
            svg += "<line x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(width - right)\" y2=\"\(ty)\" stroke=\"#e3e3e3\"/>\n"
            svg += "<text x=\"\(left - 8)\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(NumberText.grouped(tick))</text>\n"
        }
        // Axes.
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#333\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" stroke=\"#333\"/>\n"
        // X-axis labels: about eight, always the last month.
        let every = max(1, (points.count + 7) / 8)
        for (index, point) in points.enumerated() where index % every == 0 || index == points.count - 1 {
            let lx = Self.format(x(index))
            svg += "<line x1=\"\(lx)\" y1=\"\(top + plotHeight)\" x2=\"\(lx)\" y2=\"\(top + plotHeight + 5)\" stroke=\"#333\"/>\n"
            svg += "<text x=\"\(lx)\" y=\"\(top + plotHeight + 20)\" text-anchor=\"middle\">\(esc(point.label))</text>\n"
        }
        // Axis titles.
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 15)\" text-anchor=\"middle\" font-weight=\"bold\">\(esc(xAxisTitle))</text>\n"
        svg += "<text x=\"20\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 20 \(top + plotHeight / 2))\">\(esc(yAxisTitle))</text>\n"
        // Reference lines, dashed, under the series.
        for line in referenceLines {
            let ly = Self.format(y(line.value))
            svg += "<line class=\"reference\" x1=\"\(left)\" y1=\"\(ly)\" x2=\"\(width - right)\" y2=\"\(ly)\" stroke=\"\(esc(line.color))\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>\(esc(line.label)): \(NumberText.grouped(line.value))</title></line>\n"
        }
        // The series: a line and a marked point per month, each with its value as a tooltip.
        let coordinates = points.indices.map { "\(Self.format(x($0))),\(Self.format(y(points[$0].value)))" }
        svg += "<polyline fill=\"none\" stroke=\"\(esc(seriesColor))\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>\n"
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(Self.format(x(index)))\" cy=\"\(Self.format(y(point.value)))\" r=\"3\" fill=\"\(esc(seriesColor))\"><title>\(esc(point.label)): \(NumberText.grouped(point.value))</title></circle>\n"
        }
        svg += legend()
        return svg + "</svg>\n"
    }

    private func legend() -> String {
        let esc: (String) -> String = { HTMLEscape.escape($0) }
        let entries = [(seriesLabel, seriesColor, false)] + referenceLines.map { ($0.label, $0.color, true) }
        var svg = "<g class=\"legend\">\n"
        var lx = left
        for (label, color, dashed) in entries {
            svg += "<line x1=\"\(lx)\" y1=\"22\" x2=\"\(lx + 24)\" y2=\"22\" stroke=\"\(esc(color))\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
            svg += "<text x=\"\(lx + 30)\" y=\"22\" dominant-baseline=\"middle\">\(esc(label))</text>\n"
            // Room for the label: about 7 px a column, CJK taking two.
            lx += 30 + 7 * DisplayWidth.of(label) + 24
        }
        return svg + "</g>\n"
    }

    /// A coordinate with one decimal, written without locale or exponent.
    package static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }
}

/// The vertical range of a chart: round tick values that enclose every value drawn.
package struct YScale {
    package let low: Int
    package let high: Int
    package let step: Int

    package init(values: [Int]) {
        let minimum = values.min() ?? 0
        let maximum = values.max() ?? 0
        let step = Self.niceStep(atLeast: ExactArithmetic.ceilingDivide(max(maximum - minimum, 1), by: 4))
        var low = ExactArithmetic.floorDivide(minimum, by: step) * step
        var high = ExactArithmetic.ceilingDivide(maximum, by: step) * step
        if low == minimum && low > 0 { low -= step }
        if high == low { high += step }
        if low < 0 && minimum >= 0 { low = 0 }
        self.low = low
        self.high = high
        self.step = step
    }

    package var ticks: [Int] { Array(stride(from: low, through: high, by: step)) }

    /// The smallest of 1, 2 or 5 times a power of ten that is at least `raw`.
    package static func niceStep(atLeast raw: Int) -> Int {
        var power = 1
        while true {
            for factor in [1, 2, 5] where factor * power >= raw {
                return factor * power
            }
            power *= 10
        }
    }
}
