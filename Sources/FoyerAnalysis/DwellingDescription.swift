import Foundation
import FoyerBills
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerTariffs
import FoyerThermal

/// What `foyer describe` reports about a dwelling: the resolved model, its heat losses and the
/// climate that drives it.
public struct DwellingDescription: Sendable, Encodable {
    public struct Element: Sendable, Encodable {
        public var id: String
        public var family: String
        public var areaM2: Double
        public var azimuthDeg: Double
        public var tiltDeg: Double
        public var uValueWPerM2K: Double
        public var gValue: Double?
        public var boundary: String

        enum CodingKeys: String, CodingKey {
            case id, family, boundary
            case areaM2 = "area_m2"
            case azimuthDeg = "azimuth_deg"
            case tiltDeg = "tilt_deg"
            case uValueWPerM2K = "u_value_w_per_m2k"
            case gValue = "g_value"
        }
    }

    public struct Climate: Sendable, Encodable {
        public var source: String
        public var heatingDegreeDays18C: Double
        public var designTemperatureC: Double

        enum CodingKeys: String, CodingKey {
            case source
            case heatingDegreeDays18C = "heating_degree_days_18c"
            case designTemperatureC = "design_temperature_c"
        }
    }

    public var name: String
    public var description: String
    public var floorAreaM2: Double
    public var volumeM3: Double
    public var elements: [Element]
    public var airChangePerH: Double
    public var heatLoss: HeatLossSummary
    public var climate: Climate?
    /// Heating power to hold the heating set-point at the design temperature, W.
    public var designHeatLossW: Double?
    public var heatingSetpointC: Double
    /// The use described (the design heat loss is at its set-point).
    public var use: UseSummary
    public var defaults: [DefaultedValue]

    enum CodingKeys: String, CodingKey {
        case name, description, elements, climate, defaults, use
        case floorAreaM2 = "floor_area_m2"
        case volumeM3 = "volume_m3"
        case airChangePerH = "effective_air_change_per_h"
        case heatLoss = "heat_transfer_coefficients"
        case designHeatLossW = "design_heat_loss_w"
        case heatingSetpointC = "heating_setpoint_c"
    }

    /// Describes `dwelling`; `weather` (the year its location names, if it names one) gives the
    /// climate lines.
    public init(_ dwelling: ResolvedDwelling, defaults: [DefaultedValue], weather: WeatherYear? = nil) {
        name = dwelling.name
        description = dwelling.description
        floorAreaM2 = dwelling.floorAreaM2
        volumeM3 = dwelling.volumeM3
        func boundaryName(_ boundary: ResolvedBoundary) -> String {
            switch boundary {
            case .outdoor: "outdoor"
            case .ground: "ground"
            case let .unheatedSpace(b): "unheated (b \(b))"
            case .adiabatic: "heated neighbour"
            }
        }
        elements = dwelling.opaqueElements.map {
            Element(id: $0.id, family: $0.kind.rawValue, areaM2: $0.netAreaM2, azimuthDeg: $0.azimuthDeg, tiltDeg: $0.tiltDeg,
                    uValueWPerM2K: $0.uValueWPerM2K, gValue: nil, boundary: boundaryName($0.boundary))
        } + dwelling.windows.map {
            Element(id: $0.id, family: "window", areaM2: $0.areaM2, azimuthDeg: $0.azimuthDeg, tiltDeg: $0.tiltDeg,
                    uValueWPerM2K: $0.uValueWPerM2K, gValue: $0.gValue, boundary: boundaryName($0.boundary))
        }
        airChangePerH = dwelling.ventilation.effectiveAirChangePerH
        heatLoss = HeatLossSummary(dwelling)
        heatingSetpointC = dwelling.thermostat.heatingSetpointC
        use = UseSummary(dwelling)
        self.defaults = defaults
        if let weather {
            let summary = MonthlyClimateSummary(weather)
            climate = Climate(source: weather.source, heatingDegreeDays18C: summary.annualHeatingDegreeDaysKD,
                              designTemperatureC: summary.designHeatingTemperatureC)
            designHeatLossW = heatLoss.totalWPerK * (dwelling.thermostat.heatingSetpointC - summary.designHeatingTemperatureC)
        }
    }

    /// The readable form.
    public func text(showDefaults: Bool) -> String {
        var lines: [String] = []
        lines.append("\(name)" + (description.isEmpty ? "" : " — \(description)"))
        lines.append("Heated floor area \(fixed(floorAreaM2, 1)) m², volume \(fixed(volumeM3, 1)) m³")
        lines.append(use.text)
        lines.append("")
        var rows: [[String]] = []
        for element in elements {
            rows.append([element.id, element.family, fixed(element.areaM2, 2), fixed(element.azimuthDeg, 0), fixed(element.tiltDeg, 0),
                         fixed(element.uValueWPerM2K, 2), element.gValue.map { fixed($0, 2) } ?? "", element.boundary])
        }
        lines.append(table(["element", "family", "area m²", "azimuth °", "tilt °", "U W/(m²·K)", "g", "boundary"], rows))
        lines.append("")
        lines.append("Heat transfer coefficients (EN ISO 13789), W/K:")
        var lossRows: [[String]] = []
        for family in heatLoss.transmissionByFamilyWPerK.keys.sorted() {
            let value = heatLoss.transmissionByFamilyWPerK[family] ?? 0
            lossRows.append([family, fixed(value, 1), fixed(100 * value / heatLoss.totalWPerK, 0)])
        }
        lossRows.append(["thermal bridges", fixed(heatLoss.thermalBridgesWPerK, 1), fixed(100 * heatLoss.thermalBridgesWPerK / heatLoss.totalWPerK, 0)])
        lossRows.append(["ventilation (\(fixed(airChangePerH, 2)) 1/h)", fixed(heatLoss.ventilationWPerK, 1), fixed(100 * heatLoss.ventilationWPerK / heatLoss.totalWPerK, 0)])
        lossRows.append(["total", fixed(heatLoss.totalWPerK, 1), "100"])
        lines.append(table(["", "W/K", "%"], lossRows))
        lines.append("Per m² of floor: \(fixed(heatLoss.totalPerFloorAreaWPerM2K, 2)) W/(m²·K)")
        if let climate, let designHeatLossW {
            lines.append("")
            lines.append("Climate: \(climate.source)")
            lines.append("Heating degree-days (base 18 °C): \(fixed(climate.heatingDegreeDays18C, 0)) K·day")
            lines.append("Heat loss at \(fixed(heatingSetpointC, 0)) °C inside and \(fixed(climate.designTemperatureC, 1)) °C outside (design): \(fixed(designHeatLossW / 1000, 1)) kW")
        } else {
            lines.append("")
            lines.append("Climate: none given (set location.climate_zone or location.weather_file)")
        }
        if showDefaults, !defaults.isEmpty {
            lines.append("")
            lines.append("Defaults applied:")
            lines += defaults.map { "  \($0)" }
        } else if !defaults.isEmpty {
            lines.append("")
            lines.append("\(defaults.count) default values were applied (--show-defaults lists them).")
        }
        lines.append("Hour-by-hour heating need, peaks and comfort: foyer simulate <the same dwelling>")
        return lines.joined(separator: "\n")
    }
}

/// Fixed-decimal formatting independent of the locale; `–` for a value that is not finite
/// (``NumberText/fixed(_:_:)``).
public func fixed(_ value: Double, _ decimals: Int) -> String { NumberText.fixed(value, decimals) }

/// A plain-text table with aligned columns: numbers right-aligned, text left-aligned.
public func table(_ header: [String], _ rows: [[String]]) -> String {
    let columns = header.count
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() where i < columns { widths[i] = max(widths[i], cell.count) } }
    func isNumeric(_ text: String) -> Bool { Double(text) != nil || text == "–" }
    func line(_ cells: [String]) -> String {
        var text = cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
            return isNumeric(cell) ? pad + cell : cell + pad
        }.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
    return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n")
}
