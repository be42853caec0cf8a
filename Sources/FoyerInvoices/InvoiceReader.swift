import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel
import SwiftCSV

/// Reads a household's invoices typed from paper or from a supplier's site: a CSV file (one row
/// per invoice line, the columns of `Docs/InvoicesFormat.md`) or a JSON file
/// (`{"schema": "foyer.invoices/1", "lines": [...]}` with the same keys). Both go through the
/// same checks; every problem names the file, the line and field, the value and what is allowed,
/// and a file with an error gives no lines (nothing is dropped silently).
public enum InvoiceReader {
    /// The schema name a JSON invoices file declares.
    public static let schema = "foyer.invoices/1"
    /// Most lines in one file: ten years of monthly bills for three meters is 360.
    public static let mostLines = 5_000
    /// The longest period one line may cover, days: a yearly bill with a few days' overlap.
    public static let longestPeriodDays = 400
    /// Dates earlier or later than these are typing errors.
    public static let earliestYear = 1990, latestYear = 2100
    /// The largest quantity of one line in kWh (a large house uses 50 000 kWh a year): more is
    /// a typing error (a meter index typed as a consumption, Wh for kWh).
    public static let largestLineKWh = 500_000.0
    /// The largest amount of one line, € (a year of heating oil for a large house is 5 000 €).
    public static let largestAmountEUR = 100_000.0

    /// The columns (CSV) and keys (JSON) of a line.
    public static let fields = ["energy", "meter", "kind", "start", "end", "quantity", "unit", "index_start", "index_end",
                                "conversion_kwh_per_m3", "period", "amount_eur", "reading", "note"]

    // MARK: - Files

    /// Reads `data` from `file`: JSON when it starts with `{`, CSV otherwise.
    public static func read(data: Data, file: String) -> InvoiceBook {
        if let nul = data.firstIndex(of: 0) {
            let line = data[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return InvoiceBook(lines: [], issues: [InputIssue(.error, file: file, path: "line \(line)", message: "NUL byte: this is not a text file",
                                                              expected: "a CSV or JSON invoices file (Docs/InvoicesFormat.md)")], file: file)
        }
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return readJSON(data, file: file) }
        if let text = String(validating: data, as: UTF8.self) { return readCSV(text, file: file) }
        // Spreadsheets on Windows save Latin-1: read it so, and say so.
        var book = readCSV(String(data.map { Character(Unicode.Scalar($0)) }), file: file)
        book.issues.insert(InputIssue(.warning, file: file, path: "", message: "not valid UTF-8: read as Latin-1 (accents in notes may differ)"), at: 0)
        return book
    }

    /// One field of a line as it was written.
    enum Raw {
        case text(String)
        case number(Double)
        /// A JSON value of the wrong type, as written.
        case other(String)
    }

    /// A line before it is checked: where it is and its fields.
    struct RawLine {
        var location: String
        /// How to name one of its fields in a message.
        var at: (String) -> String
        var fields: [String: Raw]
    }

    static func readCSV(_ text: String, file: String) -> InvoiceBook {
        var issues: [InputIssue] = []
        func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = CSVDelimiter.guessed(string: body)
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: body, delimiter: delimiter, loadColumns: false)
        } catch {
            return InvoiceBook(lines: [], issues: [InputIssue(.error, file: file, path: "", message: "not a readable CSV file (\(error))",
                                                              expected: "a header row naming the columns, then one row per invoice line")], file: file)
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var known: [Int: String] = [:]
        for (index, name) in header.enumerated() {
            if fields.contains(name) {
                if known.values.contains(name) { error("header", name, "column \(name) appears twice", expected: "each column once") }
                known[index] = name
            } else if !name.isEmpty {
                issues.append(InputIssue(.error, file: file, path: "header", value: name, message: "unknown column: its values would be lost",
                                         expected: fields.joined(separator: ", "), suggestion: Suggestions.didYouMean(name, among: fields)))
            }
        }
        for required in ["energy", "start"] where !header.contains(required) {
            error("header", header.joined(separator: String(delimiter.rawValue)), "no \(required) column", expected: "at least energy, start, end and quantity or amount_eur")
        }
        if issues.contains(where: { $0.severity == .error }) { return InvoiceBook(lines: [], issues: issues, file: file) }
        if csv.rows.count > mostLines {
            error("", "\(csv.rows.count) rows", "more invoice lines than a household's bills have", expected: "at most \(mostLines)")
            return InvoiceBook(lines: [], issues: issues, file: file)
        }
        // With ';' (a French spreadsheet's export) numbers may have a decimal comma.
        let decimalComma = delimiter != .comma
        var raws: [RawLine] = []
        for (index, row) in csv.rows.enumerated() {
            let line = index + 2
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if row.count > header.count {
                error("line \(line)", row.joined(separator: String(delimiter.rawValue)),
                      "\(row.count) fields where the header has \(header.count)\(delimiter == .comma ? ": a decimal comma in a comma-separated file?" : "")",
                      expected: delimiter == .comma ? "a decimal point (12.5), or ';' as the separator" : "\(header.count) fields")
                continue
            }
            var values: [String: Raw] = [:]
            for (column, name) in known where column < row.count {
                let value = row[column].trimmingCharacters(in: .whitespaces)
                if value.isEmpty { continue }
                values[name] = .text(decimalComma && numericFields.contains(name) ? value.replacingOccurrences(of: ",", with: ".") : value)
            }
            raws.append(RawLine(location: "line \(line)", at: { "line \(line), \($0)" }, fields: values))
        }
        return resolve(raws, file: file, issues: issues)
    }

    static func readJSON(_ data: Data, file: String) -> InvoiceBook {
        var issues: [InputIssue] = []
        func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        let document: JSONValue
        do {
            let (value, duplicates) = try JSONValue.parseReportingDuplicates(data, file: file)
            // A key typed twice in an invoice line is ambiguous: which amount was paid?
            for duplicate in duplicates {
                issues.append(InputIssue(.error, file: file, path: duplicate.path, message: duplicate.message.replacingOccurrences(of: "; the last value is used", with: ""),
                                         expected: "each key once"))
            }
            document = value
        } catch {
            return InvoiceBook(lines: [], issues: error.issues, file: file)
        }
        guard case let .object(members) = document else {
            error("", nil, "the document is not an object", expected: "{\"schema\": \"\(schema)\", \"lines\": [...]}")
            return InvoiceBook(lines: [], issues: issues, file: file)
        }
        for key in members.keys.sorted() where !["schema", "lines", "description"].contains(key) {
            issues.append(InputIssue(.error, file: file, path: key, message: "unknown key: its value would be lost", expected: "schema, description, lines",
                                     suggestion: Suggestions.didYouMean(key, among: ["schema", "description", "lines"])))
        }
        if members["schema"] != .string(schema) {
            error("schema", members["schema"].map(render), members["schema"] == nil ? "missing: the schema" : "not an invoices file of this version", expected: "\"\(schema)\"")
        }
        guard case let .array(elements)? = members["lines"] else {
            error("lines", members["lines"].map(render), members["lines"] == nil ? "missing: the invoice lines" : "not a list", expected: "a list of invoice lines")
            return InvoiceBook(lines: [], issues: issues, file: file)
        }
        if elements.count > mostLines {
            error("lines", "\(elements.count) lines", "more invoice lines than a household's bills have", expected: "at most \(mostLines)")
            return InvoiceBook(lines: [], issues: issues, file: file)
        }
        var raws: [RawLine] = []
        for (index, element) in elements.enumerated() {
            let path = "lines[\(index)]"
            guard case let .object(line) = element else {
                error(path, render(element), "an invoice line is an object", expected: "{\"energy\": …, \"start\": …}")
                continue
            }
            var values: [String: Raw] = [:]
            for (key, value) in line {
                guard fields.contains(key) else {
                    issues.append(InputIssue(.error, file: file, path: "\(path).\(key)", message: "unknown key: its value would be lost",
                                             expected: fields.joined(separator: ", "), suggestion: Suggestions.didYouMean(key, among: fields)))
                    continue
                }
                switch value {
                case .null: continue
                case let .string(text): values[key] = .text(text)
                case let .number(number): values[key] = .number(number)
                default: values[key] = .other(render(value))
                }
            }
            raws.append(RawLine(location: path, at: { "\(path).\($0)" }, fields: values))
        }
        return resolve(raws, file: file, issues: issues)
    }

    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case let .bool(flag): String(flag)
        case let .number(number): NumberText.short(number)
        case let .string(text): "\"\(text.prefix(60))\""
        case .array: "[…]"
        case .object: "{…}"
        }
    }

    static let numericFields: Set<String> = ["quantity", "index_start", "index_end", "conversion_kwh_per_m3", "amount_eur"]

    // MARK: - Lines

    static func resolve(_ raws: [RawLine], file: String, issues: [InputIssue]) -> InvoiceBook {
        var issues = issues
        var lines: [InvoiceLine] = []
        for raw in raws {
            if let line = resolve(raw, file: file, issues: &issues) { lines.append(line) }
        }
        if raws.isEmpty && !issues.contains(where: { $0.severity == .error }) {
            issues.append(InputIssue(.error, file: file, path: "", message: "no invoice lines", expected: "at least one line"))
        }
        let refused = issues.contains { $0.severity == .error }
        return InvoiceBook(lines: refused ? [] : lines, issues: issues.sorted(by: InputIssue.reportOrder), file: file)
    }

    /// Checks one line; `nil` (with errors in `issues`) when it cannot be used.
    static func resolve(_ raw: RawLine, file: String, issues: inout [InputIssue]) -> InvoiceLine? {
        var ok = true
        func error(_ field: String, _ value: String?, _ message: String, expected: String? = nil, suggestion: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: field.isEmpty ? raw.location : raw.at(field), value: value, message: message,
                                     expected: expected, suggestion: suggestion))
            ok = false
        }
        func warning(_ field: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.warning, file: file, path: field.isEmpty ? raw.location : raw.at(field), value: value, message: message, expected: expected))
        }
        func shown(_ field: String) -> String? {
            switch raw.fields[field] {
            case let .text(text)?: numericFields.contains(field) && DecimalText.number(text) != nil ? text : "\"\(text.prefix(60))\""
            case let .number(number)?: NumberText.short(number)
            case let .other(text)?: text
            case nil: nil
            }
        }
        func text(_ field: String) -> String? {
            switch raw.fields[field] {
            case let .text(value)?: return value
            case nil: return nil
            default:
                error(field, shown(field), "not a text", expected: "a string")
                return nil
            }
        }
        func name<T: RawRepresentable & CaseIterable>(_ field: String, _: T.Type) -> T? where T.RawValue == String {
            guard let value = text(field) else { return nil }
            let allowed = T.allCases.map(\.rawValue)
            guard let parsed = T(rawValue: value.lowercased()) else {
                error(field, shown(field), "unknown name", expected: allowed.joined(separator: ", "), suggestion: Suggestions.didYouMean(value.lowercased(), among: allowed))
                return nil
            }
            return parsed
        }
        func number(_ field: String) -> Double? {
            switch raw.fields[field] {
            case let .number(value)?: return value
            case let .text(value)?:
                if let parsed = DecimalText.number(value) { return parsed }
                error(field, shown(field), "not a number", expected: "a decimal number such as 152.4 (no unit, no thousands separator)")
                return nil
            case .other?:
                error(field, shown(field), "not a number", expected: "a number")
                return nil
            case nil: return nil
            }
        }
        func date(_ field: String) -> CivilDate? {
            guard let value = text(field) else { return nil }
            guard let parsed = parseDate(value) else {
                error(field, shown(field), "not a date", expected: "YYYY-MM-DD or DD/MM/YYYY (day first, as on French and Belgian bills)")
                return nil
            }
            guard (earliestYear...latestYear).contains(parsed.year) else {
                error(field, shown(field), "not a plausible date for an invoice", expected: "a year between \(earliestYear) and \(latestYear)")
                return nil
            }
            return parsed
        }

        let energy = name("energy", Energy.self)
        if raw.fields["energy"] == nil { error("energy", nil, "missing: the energy billed", expected: Energy.allCases.map(\.rawValue).joined(separator: ", ")) }
        let kind = name("kind", InvoiceLineKind.self) ?? .consumption
        let reading = name("reading", InvoiceReading.self) ?? .actual
        let meter = text("meter") ?? "main"
        if meter.count > 60 { error("meter", shown("meter"), "too long for a meter name", expected: "at most 60 characters") }
        let period = text("period")
        if let period, period.count > 30 { error("period", shown("period"), "too long for a tariff period", expected: "at most 30 characters (base, hp, hc, bleu_hp…)") }
        let note = text("note")
        if let note, note.count > 500 { error("note", "\(note.count) characters", "too long for a note", expected: "at most 500 characters") }
        let start = date("start")
        if raw.fields["start"] == nil {
            error("start", nil, kind == .delivery ? "missing: the delivery date" : "missing: the first day of the period", expected: "YYYY-MM-DD or DD/MM/YYYY")
        }
        var end = date("end")
        if raw.fields["end"] == nil {
            if kind == .delivery { end = start } else { error("end", nil, "missing: the last day of the period", expected: "YYYY-MM-DD or DD/MM/YYYY, on or after start") }
        }
        if let start, let end {
            if end < start {
                error("end", shown("end"), "before the start (\(start))", expected: "on or after start")
            } else if end.dayNumber - start.dayNumber + 1 > longestPeriodDays {
                error("end", shown("end"), "\(end.dayNumber - start.dayNumber + 1) days from the start: longer than a bill covers",
                      expected: "at most \(longestPeriodDays) days per line (split a longer period into its bills)")
            } else if kind == .delivery && end != start {
                error("end", shown("end"), "a delivery is on one day", expected: "the delivery date in start, end empty or equal")
            }
        }

        // Quantity: given, or two index readings.
        var quantity = number("quantity")
        let indexStart = number("index_start"), indexEnd = number("index_end")
        if indexStart != nil || indexEnd != nil {
            if quantity != nil {
                error("quantity", shown("quantity"), "given with index readings: which one is right?", expected: "quantity, or index_start and index_end")
            } else if let first = indexStart, let last = indexEnd {
                if first < 0 || last < 0 {
                    error(first < 0 ? "index_start" : "index_end", shown(first < 0 ? "index_start" : "index_end"), "a meter index is not negative", expected: "≥ 0")
                } else if last < first {
                    error("index_end", shown("index_end"), "below the first index (\(NumberText.short(first))): a new meter, or the readings swapped?",
                          expected: "≥ index_start (for a replaced meter, give the quantity of each meter on its own line)")
                } else {
                    quantity = last - first
                }
            } else {
                error(indexStart == nil ? "index_start" : "index_end", nil, "missing: the other meter reading", expected: "both index_start and index_end")
            }
        }
        let amount = number("amount_eur")
        if let amount, abs(amount) > largestAmountEUR {
            error("amount_eur", shown("amount_eur"), "larger than a household's energy bill", expected: "−\(NumberText.short(largestAmountEUR))…\(NumberText.short(largestAmountEUR)) € (euros, not cents?)")
        }
        if let quantity, quantity < 0, kind != .regularisation {
            error(raw.fields["quantity"] != nil ? "quantity" : "index_end", shown("quantity") ?? shown("index_end"), "negative consumption",
                  expected: "≥ 0 (a credit of energy is a regularisation line: kind regularisation)")
        }
        switch kind {
        case .consumption, .delivery:
            if quantity == nil && raw.fields["index_start"] == nil && raw.fields["index_end"] == nil && raw.fields["quantity"] == nil {
                error("quantity", nil, "missing: the energy \(kind == .delivery ? "delivered" : "consumed")", expected: "quantity with its unit, or index_start and index_end")
            }
        case .subscription:
            if quantity != nil { error("quantity", shown("quantity") ?? shown("index_end"), "a subscription line has no energy", expected: "amount_eur only (the energy goes on a consumption line)") }
            if raw.fields["amount_eur"] == nil { error("amount_eur", nil, "missing: the amount of the subscription", expected: "€ including taxes") }
        case .regularisation:
            if quantity == nil && raw.fields["amount_eur"] == nil {
                error("amount_eur", nil, "missing: a regularisation corrects euros, energy or both", expected: "amount_eur and/or quantity")
            }
        }

        // Unit and conversion.
        var unit: FuelUnit?
        if raw.fields["unit"] != nil {
            if let value = text("unit") {
                let spelled = value.lowercased().replacingOccurrences(of: "³", with: "3")
                let aliases: [String: FuelUnit] = ["litre": .litre, "litres": .litre, "liter": .litre, "steres": .stere, "stère": .stere, "stères": .stere, "tonne": .tonne]
                unit = FuelUnit(rawValue: spelled) ?? aliases[spelled]
                if unit == nil {
                    error("unit", shown("unit"), "unknown unit", expected: FuelUnit.allCases.map(\.rawValue).joined(separator: ", "),
                          suggestion: Suggestions.didYouMean(spelled, among: FuelUnit.allCases.map(\.rawValue)))
                }
            }
        } else if quantity != nil {
            unit = .kilowattHour
        }
        let coefficient = number("conversion_kwh_per_m3")
        var converted: (billed: Double, final: Double)?
        if let energy, let unit, let quantity {
            if unit == .cubicMetre && energy == .naturalGas && coefficient == nil && raw.fields["conversion_kwh_per_m3"] == nil {
                error("conversion_kwh_per_m3", nil, "missing: gas in m³ needs the bill's conversion coefficient",
                      expected: "kWh per m³ as printed on the bill (usually 10 to 11.5), or the quantity in kWh")
            } else if unit.kWhPCI(of: energy) == nil && !(unit == .cubicMetre && energy == .naturalGas) {
                let allowed = FuelUnit.units(of: energy).map(\.rawValue)
                error("unit", shown("unit") ?? "\"kwh\"", "\(energy.rawValue) is not sold in this unit", expected: allowed.joined(separator: ", "))
            } else if let coefficient, !InvoiceEnergy.plausibleGasCoefficients.contains(coefficient) {
                error("conversion_kwh_per_m3", shown("conversion_kwh_per_m3"), "not a gas conversion coefficient",
                      expected: "\(NumberText.short(InvoiceEnergy.plausibleGasCoefficients.lowerBound))…\(NumberText.short(InvoiceEnergy.plausibleGasCoefficients.upperBound)) kWh PCS per m³")
            } else {
                converted = InvoiceEnergy.finalKWh(quantity, unit, of: energy, gasKWhPCSPerM3: coefficient)
                if let result = converted, !(abs(result.billed) <= largestLineKWh) {
                    // Also what overflows (1e308 m³): say so without printing a non-finite figure.
                    let energyText = result.billed.isFinite ? "\(NumberText.short(result.billed)) kWh on one line" : "an impossibly large quantity"
                    error(raw.fields["quantity"] != nil ? "quantity" : "index_end", shown("quantity") ?? shown("index_end"),
                          "\(energyText): more than a household uses in years",
                          expected: "at most \(NumberText.short(largestLineKWh)) kWh (a meter index typed as a consumption? Wh for kWh?)")
                    converted = nil
                }
            }
        }
        if coefficient != nil && !(unit == .cubicMetre && energy == .naturalGas) && raw.fields["conversion_kwh_per_m3"] != nil {
            error("conversion_kwh_per_m3", shown("conversion_kwh_per_m3"), "only for natural gas in m³", expected: "empty on this line")
        }
        if kind == .delivery, let energy, energy == .electricity || energy == .naturalGas || energy == .districtHeating {
            error("kind", shown("kind"), "\(energy.rawValue) is metered, not delivered", expected: "consumption")
        }
        if reading == .estimated && kind != .consumption {
            warning("reading", shown("reading"), "only a consumption line has a meter reading; ignored here")
        }
        guard ok, let energy, let start, let end else { return nil }
        return InvoiceLine(location: raw.location, energy: energy, meter: meter, kind: kind, start: start, end: end,
                           quantity: quantity, unit: quantity == nil ? nil : unit, billedKWh: converted?.billed, finalKWh: converted?.final,
                           period: period, amountEUR: amount, reading: reading, note: note)
    }

    /// `YYYY-MM-DD` or `DD/MM/YYYY` (also `DD.MM.YYYY` and `DD-MM-YYYY`, day first).
    static func parseDate(_ text: String) -> CivilDate? {
        if let iso = CivilDate(iso: text) { return iso }
        for separator in ["/", ".", "-"] {
            let parts = text.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
                  (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
            else { continue }
            return CivilDate(year, month, day)
        }
        return nil
    }
}
