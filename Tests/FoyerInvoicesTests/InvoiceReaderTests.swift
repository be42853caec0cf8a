import Foundation
import Testing
import FoyerCore
import FoyerEnergy
@testable import FoyerInvoices

/// Invoices typed from paper: conversions checked by hand, the CSV and JSON forms agreeing, and
/// every kind of mistake refused where it is.
@Suite("Invoices: reading")
struct InvoiceReaderTests {
    /// A French spreadsheet export: ';' separators, decimal commas, day-first dates.
    static let frenchCSV = """
    energy;meter;kind;start;end;quantity;unit;index_start;index_end;conversion_kwh_per_m3;period;amount_eur;reading;note
    electricity;linky;consumption;02/01/2025;03/03/2025;612;kwh;;;;hp;152,30;actual;
    electricity;linky;consumption;02/01/2025;03/03/2025;388;kwh;;;;hc;71,12;actual;
    electricity;linky;subscription;02/01/2025;03/03/2025;;;;;;;31,40;;
    natural_gas;gaz;consumption;2025-01-02;2025-03-03;;m3;10412;10564;11,2;;186,55;estimated;relevé estimé
    natural_gas;gaz;regularisation;2025-03-04;2025-03-04;-40;kwh;;;;;-5,10;;
    fuel_oil;cuve;delivery;15/10/2024;;1000;l;;;;;1210;;
    """

    @Test func frenchSpreadsheetExportIsReadAndConverted() throws {
        let book = InvoiceReader.read(data: Data(Self.frenchCSV.utf8), file: "factures.csv")
        #expect(!book.issues.hasErrors, "\(book.issues.map(\.description))")
        #expect(book.lines.count == 6)
        let hp = book.lines[0]
        #expect(hp.energy == .electricity && hp.meter == "linky" && hp.period == "hp" && hp.amountEUR == 152.30)
        #expect(hp.start == CivilDate(2025, 1, 2) && hp.end == CivilDate(2025, 3, 3) && hp.days == 61)
        #expect(hp.billedKWh == 612 && hp.finalKWh == 612)
        // Gas: 10 564 − 10 412 = 152 m³ × 11.2 kWh PCS/m³ = 1 702.4 kWh PCS; ÷ 1.11 = 1 533.7 kWh PCI.
        let gas = book.lines[3]
        #expect(gas.quantity == 152 && gas.unit == .cubicMetre && gas.reading == .estimated)
        #expect(abs((gas.billedKWh ?? 0) - 1_702.4) < 1e-9)
        #expect(abs((gas.finalKWh ?? 0) - 1_702.4 / 1.11) < 1e-9)
        // A negative regularisation of energy is allowed.
        #expect(book.lines[4].billedKWh == -40 && book.lines[4].amountEUR == -5.10)
        // Fuel oil: 1 000 L × 9.97 kWh PCI/L (DPE 2006 annex 3), delivered on one day.
        let oil = book.lines[5]
        #expect(oil.kind == .delivery && oil.start == oil.end && oil.finalKWh == 9_970)
    }

    @Test func jsonGivesTheSameLinesAsCSV() throws {
        let json = """
        { "schema": "foyer.invoices/1", "lines": [
          { "energy": "electricity", "meter": "linky", "start": "2025-01-02", "end": "2025-03-03", "quantity": 612, "period": "hp", "amount_eur": 152.3 },
          { "energy": "natural_gas", "meter": "gaz", "start": "2025-01-02", "end": "2025-03-03", "index_start": 10412, "index_end": 10564,
            "unit": "m3", "conversion_kwh_per_m3": 11.2, "amount_eur": 186.55, "reading": "estimated" }
        ] }
        """
        let book = InvoiceReader.read(data: Data(json.utf8), file: "factures.json")
        #expect(!book.issues.hasErrors, "\(book.issues.map(\.description))")
        let csv = InvoiceReader.read(data: Data(Self.frenchCSV.utf8), file: "factures.csv")
        #expect(book.lines.count == 2)
        for (a, b) in zip(book.lines, [csv.lines[0], csv.lines[3]]) {
            #expect(a.energy == b.energy && a.start == b.start && a.end == b.end && a.billedKWh == b.billedKWh && a.finalKWh == b.finalKWh
                    && a.amountEUR == b.amountEUR && a.reading == b.reading)
        }
        #expect(book.lines[1].location == "lines[1]")
    }

    /// Each mistake: refused, at its line and column, with the value and what is allowed; the
    /// file then gives no lines.
    @Test(arguments: [
        ("energy,start,end,quantiy\nelectricity,2025-01-01,2025-01-31,100", "header", "quantiy", "did you mean"),
        ("energy,start,quantity\nelectricity,2025-01-01,100", "line 2, end", nil, "missing"),
        ("energy,start,end,quantity\nelectricity,2025-02-01,2025-01-31,100", "line 2, end", "\"2025-01-31\"", "before the start"),
        ("energy,start,end,quantity\nelectricity,2025-01-01,2026-06-30,100", "line 2, end", "\"2026-06-30\"", "longer than a bill"),
        ("energy,start,end,quantity\nelectricity,31/02/2025,2025-03-31,100", "line 2, start", "\"31/02/2025\"", "not a date"),
        ("energy,start,end,quantity\nelectricity,2025-01-01,2025-01-31,-5", "line 2, quantity", "-5", "negative"),
        ("energy,start,end,quantity\nelectricity,2025-01-01,2025-01-31,1e9", "line 2, quantity", "1e9", "more than a household"),
        ("energy,start,end,quantity,amount_eur\nelectricity,2025-01-01,2025-01-31,100,1500000", "line 2, amount_eur", "1500000", "larger than"),
        ("energy,start,end,index_start,index_end\nelectricity,2025-01-01,2025-01-31,5000,4000", "line 2, index_end", "4000", "below the first index"),
        ("energy,start,end,quantity,unit\nnatural_gas,2025-01-01,2025-01-31,100,m3", "line 2, conversion_kwh_per_m3", nil, "conversion coefficient"),
        ("energy,start,end,quantity,unit,conversion_kwh_per_m3\nnatural_gas,2025-01-01,2025-01-31,100,m3,1120", "line 2, conversion_kwh_per_m3", "1120", "not a gas conversion"),
        ("energy,start,end,quantity,unit\nfuel_oil,2025-01-01,2025-01-31,100,m3", "line 2, unit", "\"m3\"", "not sold in this unit"),
        ("energy,kind,start,quantity\nelectricity,delivery,2025-01-01,100", "line 2, kind", "\"delivery\"", "metered, not delivered"),
        ("energy,start,end,quantity\nelectricity,2025-01-01,2025-01-31,12,5", "line 2", nil, "decimal comma"),
        ("energy,start,end,quantity\nelectrcity,2025-01-01,2025-01-31,100", "line 2, energy", "\"electrcity\"", "did you mean"),
        ("energy,start,end,quantity\nelectricity,2025-01-01,2025-01-31,12 kWh", "line 2, quantity", "\"12 kWh\"", "not a number"),
        ("energy,kind,start,end,quantity,amount_eur\nelectricity,subscription,2025-01-01,2025-01-31,100,20", "line 2, quantity", "100", "no energy"),
        ("{\"schema\": \"foyer.invoices/1\", \"lines\": [{\"energy\": \"electricity\", \"start\": \"2025-01-01\", \"end\": \"2025-01-31\", \"quantity\": \"lots\"}]}",
         "lines[0].quantity", "\"lots\"", "not a number"),
        ("{\"schema\": \"foyer.invoices/1\", \"lines\": [{\"energy\": \"electricity\", \"start\": \"2025-01-01\", \"end\": \"2025-01-31\", \"quantity\": 10, \"amount_euro\": 3}]}",
         "lines[0].amount_euro", nil, "did you mean"),
        ("{\"schema\": \"foyer.dwelling/1\", \"lines\": []}", "schema", "\"foyer.dwelling/1\"", "not an invoices file"),
    ])
    func mistakesAreRefusedWhereTheyAre(_ text: String, _ path: String, _ value: String?, _ words: String) {
        let book = InvoiceReader.read(data: Data(text.utf8), file: "f")
        #expect(book.lines.isEmpty)
        let found = book.issues.filter { $0.severity == .error && $0.path == path }
        #expect(!found.isEmpty, "no error at \(path): \(book.issues.map(\.description))")
        if let value { #expect(found.contains { $0.value == value }, "\(found.map(\.description))") }
        #expect(found.contains { $0.description.contains(words) }, "\(found.map(\.description))")
        #expect(book.issues.allSatisfy { $0.file == "f" })
    }
}
