import FoyerCore
import FoyerEnergy

/// What a line typed from an invoice is.
public enum InvoiceLineKind: String, Sendable, Codable, CaseIterable {
    /// Energy metered over a period (kWh, m³, or two index readings).
    case consumption
    /// Fuel delivered on a date (litres of fuel oil, kg of propane, steres of logs…).
    case delivery
    /// The standing charge of a period (abonnement), in euros only.
    case subscription
    /// A correction of earlier estimated bills (régularisation): euros, and kWh that may be
    /// negative.
    case regularisation
}

/// Whether the meter was read or the supplier estimated the consumption.
public enum InvoiceReading: String, Sendable, Codable, CaseIterable {
    case actual
    case estimated
}

/// One line typed from a household's invoice, checked and converted.
public struct InvoiceLine: Sendable, Equatable, Codable {
    /// Where it was typed: `line 12` of a CSV file, `lines[11]` of a JSON file.
    public var location: String
    public var energy: Energy
    /// The meter (a household may have two electricity meters, or gas and electricity): free
    /// text, "main" unless told.
    public var meter: String
    public var kind: InvoiceLineKind
    /// First and last day of the period, both included (a delivery: its date twice).
    public var start: CivilDate
    public var end: CivilDate
    /// The quantity in the unit it was billed in, and that unit.
    public var quantity: Double?
    public var unit: FuelUnit?
    /// Energy as the invoice counts it, kWh: natural gas in kWh PCS (higher heating value, what
    /// French and Belgian gas bills print), other energies as ``finalKWh``.
    public var billedKWh: Double?
    /// Energy in Foyer's basis, kWh (PCI for fuels, as the simulation's delivered energy).
    public var finalKWh: Double?
    /// Tariff period on the invoice (base, hp, hc, bleu_hp…), when it splits the consumption.
    public var period: String?
    /// Amount including taxes, €; negative for a credit.
    public var amountEUR: Double?
    public var reading: InvoiceReading
    public var note: String?

    /// Days the line covers (both ends included).
    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    enum CodingKeys: String, CodingKey {
        case location, energy, meter, kind, start, end, quantity, unit
        case billedKWh = "billed_kwh", finalKWh = "final_kwh", period, amountEUR = "amount_eur", reading, note
    }
}

/// The invoices of one household, as read: their lines in file order, and what was found on the
/// way (errors refuse the file; warnings are kept with the lines they concern).
public struct InvoiceBook: Sendable {
    public var lines: [InvoiceLine]
    public var issues: [InputIssue]
    /// The file they came from, as the user named it.
    public var file: String

    public init(lines: [InvoiceLine], issues: [InputIssue], file: String) {
        self.lines = lines
        self.issues = issues
        self.file = file
    }
}

/// The conversions a household's invoices need.
public enum InvoiceEnergy {
    /// Ratio of higher to lower heating value of natural gas, PCS/PCI (1.11, 3CL-DPE 2021,
    /// ``Energy/grossOverNetCalorificValue``): gas bills count kWh PCS, Foyer's energy is PCI.
    public static let naturalGasPCSPerPCI = Energy.naturalGas.grossOverNetCalorificValue

    /// Conversion coefficients French and Belgian gas bills print, kWh PCS per m³: from about
    /// 9.5 (Groningen L-gas areas) to 12.8; outside is a typing error.
    public static let plausibleGasCoefficients = 9.0...13.5

    /// kWh in Foyer's basis (PCI for fuels) of `amount` of `unit`, with the bill's own gas
    /// conversion coefficient (kWh PCS per m³) when the gas is in m³. `nil` when the energy is not
    /// sold in that unit.
    public static func finalKWh(_ amount: Double, _ unit: FuelUnit, of energy: Energy, gasKWhPCSPerM3: Double?) -> (billed: Double, final: Double)? {
        switch (energy, unit) {
        case (.naturalGas, .kilowattHour):
            return (amount, amount / naturalGasPCSPerPCI)
        case (.naturalGas, .cubicMetre):
            guard let coefficient = gasKWhPCSPerM3 else { return nil }
            let pcs = amount * coefficient
            return (pcs, pcs / naturalGasPCSPerPCI)
        default:
            guard let pci = unit.kWhPCI(of: energy) else { return nil }
            return (amount * pci, amount * pci)
        }
    }
}

extension InvoiceBook {
    /// A smart meter's daily totals (a Linky curve summed by day, a Gazpar export) as one
    /// consumption line per day, so that they are analysed like invoices. Gas curves count kWh
    /// PCS, as the bills do.
    public static func dailyTotals(_ totals: [(date: CivilDate, kWh: Double)], energy: Energy, meter: String, origin: String) -> InvoiceBook {
        let lines = totals.sorted { $0.date < $1.date }.map { day in
            InvoiceLine(location: "day \(day.date)", energy: energy, meter: meter, kind: .consumption, start: day.date, end: day.date,
                        quantity: day.kWh, unit: .kilowattHour, billedKWh: day.kWh,
                        finalKWh: energy == .naturalGas ? day.kWh / InvoiceEnergy.naturalGasPCSPerPCI : day.kWh,
                        period: nil, amountEUR: nil, reading: .actual, note: nil)
        }
        return InvoiceBook(lines: lines, issues: [], file: origin)
    }
}
