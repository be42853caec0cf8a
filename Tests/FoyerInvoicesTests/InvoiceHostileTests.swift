import Foundation
import PropertyBased
import Testing
import FoyerCore
import FoyerEnergy
@testable import FoyerInvoices

/// Hostile input in every field of an invoices file, CSV and JSON: never a crash, never a
/// non-finite number shown, every error in the file at a line and field, and a refused file
/// gives no lines.
@Suite("Invoices: hostile input")
struct InvoiceHostileTests {
    static let header = ["energy", "meter", "kind", "start", "end", "quantity", "unit", "index_start", "index_end", "conversion_kwh_per_m3", "period", "amount_eur", "reading", "note"]
    static let good = ["natural_gas", "gaz", "consumption", "2025-01-02", "2025-03-03", "", "m3", "10412", "10564", "11.2", "", "186.55", "actual", "ok"]
    static let hostile = ["NaN", "nan", "Infinity", "-Infinity", "inf", "1e308", "-1e308", "1e309", "5e-324", "-1", "-0", "0", "0x10", "1,5", "1.2.3",
                          "", " ", "\"", "\u{0}", String(repeating: "9", count: 400), String(repeating: "a", count: 10_000), "ÿ", "🙂", "2025-13-45", "31/12/99999",
                          "true", "null", "[1]", "{}", ";", "\\n"]

    static func checks(_ book: InvoiceBook, _ context: String) {
        for issue in book.issues {
            #expect(issue.file == "h.csv" || issue.file == "h.json", "\(context): issue without the file: \(issue)")
            // The value as typed may be "inf"; nothing else may show a non-finite number.
            let text = issue.description.replacingOccurrences(of: issue.value ?? "\u{0}", with: "").lowercased()
            for word in ["inf ", " inf", "infinity", "nan ", " nan", "nan)"] {
                #expect(!text.contains(word), "\(context): \(issue.description)")
            }
        }
        if book.issues.hasErrors { #expect(book.lines.isEmpty, "\(context): refused but lines kept") }
        for line in book.lines {
            for value in [line.quantity, line.billedKWh, line.finalKWh, line.amountEUR].compactMap({ $0 }) {
                #expect(value.isFinite, "\(context): non-finite \(value)")
            }
        }
        _ = InvoiceAnalysis(book).text()
    }

    @Test func everyCSVFieldEveryHostileValue() {
        for (column, _) in Self.header.enumerated() {
            for value in Self.hostile {
                var row = Self.good
                row[column] = value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\"" : value
                let text = Self.header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
                let book = InvoiceReader.read(data: Data(text.utf8), file: "h.csv")
                Self.checks(book, "\(Self.header[column]) = \(value)")
            }
        }
    }

    @Test func everyJSONFieldEveryHostileValue() {
        let jsonValues = ["NaN", "1e309", "1e308", "-1e308", "-1", "0", "5e-324", "\"\"", "\"NaN\"", "\"1e308\"", "true", "null", "[1]", "{}", "\"\(String(repeating: "x", count: 5000))\""]
        for (column, key) in Self.header.enumerated() {
            for value in jsonValues {
                var members: [String] = []
                for (index, name) in Self.header.enumerated() where !Self.good[index].isEmpty {
                    let given = ["index_start", "index_end", "conversion_kwh_per_m3", "amount_eur"].contains(name) ? Self.good[index] : "\"\(Self.good[index])\""
                    members.append("\"\(name)\": \(index == column ? value : given)")
                }
                if Self.good[column].isEmpty { members.append("\"\(key)\": \(value)") }
                let text = "{\"schema\": \"foyer.invoices/1\", \"lines\": [{\(members.joined(separator: ", "))}]}"
                Self.checks(InvoiceReader.read(data: Data(text.utf8), file: "h.json"), "\(key) = \(value)")
            }
        }
    }

    /// Random bytes and random numbers in the quantity: no crash, no non-finite figure.
    @Test func randomInputsNeverCrash() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...255).array(of: 0...300)) { bytes in
            let book = InvoiceReader.read(data: Data(bytes.map(UInt8.init)), file: "h.csv")
            Self.checks(book, "random bytes")
        }
        await propertyCheck(count: 200, input: Gen.int(in: -330...310), Gen.double(in: -9.99...9.99)) { exponent, digits in
            let text = "energy,start,end,quantity,amount_eur\nelectricity,2025-01-01,2025-01-31,\(digits)e\(exponent),\(digits)e\(exponent)\n"
            Self.checks(InvoiceReader.read(data: Data(text.utf8), file: "h.csv"), "\(digits)e\(exponent)")
        }
    }

    /// Too many lines are refused before they are checked one by one.
    @Test func tooManyLinesAreRefused() {
        let row = "electricity,2025-01-01,2025-01-31,100\n"
        let text = "energy,start,end,quantity\n" + String(repeating: row, count: InvoiceReader.mostLines + 1)
        let book = InvoiceReader.read(data: Data(text.utf8), file: "h.csv")
        #expect(book.lines.isEmpty && book.issues.contains { $0.message.contains("more invoice lines") })
    }
}
