import Foundation
import FoyerCore
import FoyerEnergy
import SwiftCSV

/// Reads a weather station's daily temperatures, the billed days' own weather for the
/// degree-day model: a CSV with a `date` column (`YYYY-MM-DD` or `DD/MM/YYYY`) and either the
/// daily mean `mean_c` or the minimum and maximum `min_c` and `max_c` (their mean is taken, as
/// for degree-days in France); Météo-France's `TM`, `TN` and `TX` are understood. Other columns
/// are ignored. Separator `,` or `;` (then a decimal comma is accepted).
public enum DailyTemperatureCSV {
    /// Forty years of days.
    public static let mostRows = 15_000
    /// Daily means outside this range are not air temperatures where people live, °C.
    public static let plausibleC = -60.0...60.0

    public static func read(data: Data, file: String) -> (temperatures: DailyTemperatures?, issues: [InputIssue]) {
        var issues: [InputIssue] = []
        func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        guard !data.contains(0) else {
            error("", nil, "NUL byte: this is not a text file", expected: "a CSV of date and daily temperatures")
            return (nil, issues)
        }
        let text = String(validating: data, as: UTF8.self) ?? String(data.map { Character(Unicode.Scalar($0)) })
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = CSVDelimiter.guessed(string: body)
        guard let csv = try? EnumeratedCSV(string: body, delimiter: delimiter, loadColumns: false) else {
            error("", nil, "not a readable CSV file", expected: "a header row with date and mean_c (or min_c and max_c)")
            return (nil, issues)
        }
        let aliases = ["tm": "mean_c", "tn": "min_c", "tx": "max_c", "mean": "mean_c", "min": "min_c", "max": "max_c"]
        let header = csv.header.map { name -> String in
            let lower = name.trimmingCharacters(in: .whitespaces).lowercased()
            return aliases[lower] ?? lower
        }
        guard let dateColumn = header.firstIndex(of: "date") else {
            error("header", header.joined(separator: ","), "no date column", expected: "date, and mean_c or min_c and max_c")
            return (nil, issues)
        }
        let meanColumn = header.firstIndex(of: "mean_c"), minColumn = header.firstIndex(of: "min_c"), maxColumn = header.firstIndex(of: "max_c")
        guard meanColumn != nil || (minColumn != nil && maxColumn != nil) else {
            error("header", header.joined(separator: ","), "no daily temperature column", expected: "mean_c (or TM), or min_c and max_c (or TN and TX)")
            return (nil, issues)
        }
        if csv.rows.count > mostRows {
            error("", "\(csv.rows.count) rows", "more days than forty years", expected: "at most \(mostRows) rows")
            return (nil, issues)
        }
        var days: [CivilDate: (value: Double, line: Int)] = [:]
        for (index, row) in csv.rows.enumerated() {
            let line = index + 2
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let value = row[column].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func number(_ column: Int?, _ name: String) -> Double? {
                guard let text = field(column) else {
                    error("line \(line), \(name)", nil, "missing: the day's temperature", expected: "°C, e.g. 7.4")
                    return nil
                }
                let cleaned = delimiter == .comma ? text : text.replacingOccurrences(of: ",", with: ".")
                guard let value = DecimalText.number(cleaned) else {
                    error("line \(line), \(name)", "\"\(text.prefix(40))\"", "not a number", expected: "°C, e.g. 7.4")
                    return nil
                }
                guard plausibleC.contains(value) else {
                    error("line \(line), \(name)", cleaned, "not an air temperature", expected: "\(NumberText.short(plausibleC.lowerBound))…\(NumberText.short(plausibleC.upperBound)) °C (tenths of a degree typed without the point?)")
                    return nil
                }
                return value
            }
            guard let dateText = field(dateColumn), let date = InvoiceReader.parseDate(dateText),
                  (InvoiceReader.earliestYear...InvoiceReader.latestYear).contains(date.year) else {
                error("line \(line), date", field(dateColumn).map { "\"\($0.prefix(40))\"" }, "not a date", expected: "YYYY-MM-DD or DD/MM/YYYY, \(InvoiceReader.earliestYear)–\(InvoiceReader.latestYear)")
                continue
            }
            let value: Double
            if let meanColumn {
                guard let mean = number(meanColumn, "mean_c") else { continue }
                value = mean
            } else {
                guard let low = number(minColumn, "min_c"), let high = number(maxColumn, "max_c") else { continue }
                guard low <= high else {
                    error("line \(line), min_c", NumberText.short(low), "above the day's maximum (\(NumberText.short(high)))", expected: "min_c ≤ max_c")
                    continue
                }
                value = (low + high) / 2
            }
            if let previous = days[date] {
                if previous.value != value {
                    error("line \(line), date", date.description, "a second, different temperature for the day of line \(previous.line)", expected: "one row per day")
                }
                continue
            }
            days[date] = (value, line)
        }
        if days.isEmpty && !issues.hasErrors { error("", nil, "no days", expected: "at least one row of date and temperature") }
        if issues.hasErrors { return (nil, issues) }
        return (DailyTemperatures(measured: days.mapValues(\.value), source: file), issues)
    }
}
