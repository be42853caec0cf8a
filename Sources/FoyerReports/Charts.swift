import Foundation
import FoyerCore

/// The reports' charts: inline SVG drawn here — no script, no external file, readable printed in
/// black and white (every bar carries its value as text), the same bytes every run.
enum Chart {
    /// A colour for each series, readable in grey too (decreasing lightness).
    static let palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#718096", "#d69e2e"]

    /// Horizontal bars, one per item, each with its value written after it.
    /// - Parameters:
    ///   - items: label, value (≥ 0 drawn; a negative value is drawn as 0 with its text kept), and
    ///     the text written after the bar.
    static func horizontalBars(_ items: [(label: String, value: Double, text: String)], caption: String, ariaLabel: String,
                               colour: String = palette[0]) -> String {
        guard !items.isEmpty else { return "" }
        let largest = max(items.map(\.value).max() ?? 0, 1e-9)
        let width = 640.0, row = 24.0, labelWidth = 230.0, textWidth = 120.0
        let height = row * Double(items.count) + 8
        let scale = (width - labelWidth - textWidth) / largest
        var svg = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(ariaLabel))\">"
        for (index, item) in items.enumerated() {
            let y = 4 + row * Double(index)
            let length = max(0, item.value) * scale
            svg += "<text x=\"\(HTML.coordinate(labelWidth - 6))\" y=\"\(HTML.coordinate(y + row * 0.65))\" font-size=\"11\" text-anchor=\"end\">\(HTML.escape(shortened(item.label, to: 36)))</text>"
            svg += "<rect x=\"\(HTML.coordinate(labelWidth))\" y=\"\(HTML.coordinate(y + 3))\" width=\"\(HTML.coordinate(length))\" height=\"\(HTML.coordinate(row - 8))\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(HTML.coordinate(labelWidth + length + 5))\" y=\"\(HTML.coordinate(y + row * 0.65))\" font-size=\"11\">\(HTML.escape(item.text))</text>"
        }
        svg += "</svg><figcaption>\(HTML.escape(caption))</figcaption></figure>"
        return svg
    }

    /// Vertical stacked bars: one column per category, one segment per series, with a legend.
    /// - Parameters:
    ///   - columns: each column's label and its values, one per series (negative values count 0).
    ///   - series: the series' names, in the order of the values.
    static func stackedColumns(_ columns: [(label: String, values: [Double])], series: [String], unit: String, caption: String, ariaLabel: String,
                               language: ReportLanguage) -> String {
        let totals = columns.map { $0.values.reduce(0) { $0 + max(0, $1) } }
        guard !columns.isEmpty, let largest = totals.max(), largest > 0 else { return "" }
        let width = 640.0, height = 200.0, left = 50.0, bottom = 26.0, top = 30.0
        let slot = (width - left) / Double(columns.count)
        let scale = (height - bottom - top) / largest
        var svg = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(ariaLabel))\">"
        // Legend across the top.
        var legendX = left
        for (index, name) in series.enumerated() {
            svg += "<rect x=\"\(HTML.coordinate(legendX))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(HTML.coordinate(legendX + 14))\" y=\"13\" font-size=\"11\">\(HTML.escape(name))</text>"
            legendX += 24 + Double(name.count) * 6.2
        }
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#555\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" font-size=\"11\" text-anchor=\"end\">\(HTML.number(largest, decimals: 0, language: language))</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(height - bottom)\" font-size=\"11\" text-anchor=\"end\">0 \(HTML.escape(unit))</text>"
        for (index, column) in columns.enumerated() {
            let x = left + Double(index) * slot + slot * 0.15
            var y = height - bottom
            for (seriesIndex, value) in column.values.enumerated() where value > 0 {
                let segment = value * scale
                y -= segment
                svg += "<rect x=\"\(HTML.coordinate(x))\" y=\"\(HTML.coordinate(y))\" width=\"\(HTML.coordinate(slot * 0.7))\" height=\"\(HTML.coordinate(segment))\" fill=\"\(palette[seriesIndex % palette.count])\"/>"
            }
            svg += "<text x=\"\(HTML.coordinate(x + slot * 0.35))\" y=\"\(HTML.coordinate(y - 3))\" font-size=\"9\" text-anchor=\"middle\">\(HTML.number(totals[index], decimals: 0, language: language))</text>"
            svg += "<text x=\"\(HTML.coordinate(x + slot * 0.35))\" y=\"\(HTML.coordinate(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(HTML.escape(column.label))</text>"
        }
        svg += "</svg><figcaption>\(HTML.escape(caption))</figcaption></figure>"
        return svg
    }

    /// Paired columns per room: the first and the latest visit's readings, °C, with the WHO's
    /// 18 °C and the 16 °C lines.
    static func roomTemperatures(_ rooms: [(room: String, first: Double?, latest: Double?)], firstLabel: String, latestLabel: String,
                                 caption: String, language: ReportLanguage) -> String {
        guard !rooms.isEmpty else { return "" }
        let width = 640.0, height = 170.0, left = 50.0, bottom = 26.0, top = 22.0
        let low = 10.0, high = 24.0
        let slot = (width - left) / Double(rooms.count)
        func y(_ celsius: Double) -> Double { height - bottom - (min(max(celsius, low), high) - low) / (high - low) * (height - bottom - top) }
        var svg = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(caption))\">"
        svg += "<rect x=\"\(left)\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(palette[4])\"/><text x=\"\(left + 14)\" y=\"13\" font-size=\"11\">\(HTML.escape(firstLabel))</text>"
        let secondX = left + 24 + Double(firstLabel.count) * 6.2
        svg += "<rect x=\"\(HTML.coordinate(secondX))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(palette[0])\"/><text x=\"\(HTML.coordinate(secondX + 14))\" y=\"13\" font-size=\"11\">\(HTML.escape(latestLabel))</text>"
        for (threshold, colour) in [(18.0, "#38a169"), (16.0, "#c53030")] {
            svg += "<line x1=\"\(left)\" y1=\"\(HTML.coordinate(y(threshold)))\" x2=\"\(width)\" y2=\"\(HTML.coordinate(y(threshold)))\" stroke=\"\(colour)\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(HTML.coordinate(y(threshold) + 4))\" font-size=\"11\" text-anchor=\"end\">\(Int(threshold)) °C</text>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#555\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(height - bottom)\" font-size=\"11\" text-anchor=\"end\">\(Int(low)) °C</text>"
        for (index, room) in rooms.enumerated() {
            let x = left + Double(index) * slot
            for (offset, value, colour) in [(0.12, room.first, palette[4]), (0.5, room.latest, palette[0])] {
                guard let value else { continue }
                let top = y(value)
                svg += "<rect x=\"\(HTML.coordinate(x + slot * offset))\" y=\"\(HTML.coordinate(top))\" width=\"\(HTML.coordinate(slot * 0.36))\" height=\"\(HTML.coordinate(height - bottom - top))\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(HTML.coordinate(x + slot * (offset + 0.18)))\" y=\"\(HTML.coordinate(top - 3))\" font-size=\"10\" text-anchor=\"middle\">\(HTML.number(value, decimals: 1, language: language))</text>"
            }
            svg += "<text x=\"\(HTML.coordinate(x + slot * 0.5))\" y=\"\(HTML.coordinate(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(HTML.escape(room.room))</text>"
        }
        svg += "</svg><figcaption>\(HTML.escape(caption))</figcaption></figure>"
        return svg
    }

    /// A label cut to `count` characters with an ellipsis, to fit beside its bar.
    static func shortened(_ label: String, to count: Int) -> String {
        label.count <= count ? label : String(label.prefix(count - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// French and English month abbreviations.
    static func monthName(_ month: Int, language: ReportLanguage) -> String {
        let names = language == .fr ? ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
                                    : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[(month - 1) % 12]
    }
}
