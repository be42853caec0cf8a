import Foundation
import FoyerEnergy
import FoyerModel
import SwiftCSV

/// The results as CSV, for pandas, polars or a spreadsheet: one row per input line, the same
/// columns whatever each job computed (empty cells where it did not), units in the names.
public enum BatchCSV {
    /// The columns, in order.
    public static let columns: [String] = {
        var names = ["id", "line", "status", "error_path", "error_message",
                     "floor_area_m2", "heating_need_kwh", "heating_need_kwh_per_m2", "cooling_need_kwh", "peak_heating_w",
                     "unmet_heating_kwh", "unmet_heating_hours", "occupied_hours_below_16c", "occupied_hours_below_19c",
                     "occupied_hours_above_28c", "primary_kwh", "primary_kwh_per_m2", "co2_kg", "bill_eur"]
        names += Energy.allCases.map { "delivered_kwh_\($0.rawValue)" }
        names += ["dpe_class", "dpe_energy_class", "dpe_climate_class", "dpe_primary_kwh_per_m2", "dpe_emissions_kg_co2eq_per_m2", "tags_json"]
        return names
    }()

    /// The header row.
    public static var header: Data { Data((columns.joined(separator: ",") + "\n").utf8) }

    /// One record as one row.
    public static func row(_ record: BatchRecord) -> Data {
        var cells: [String: String] = ["id": record.id, "line": String(record.line), "status": record.status]
        if let first = record.errors?.first {
            cells["error_path"] = first.path
            cells["error_message"] = first.messageWithAllowed
        }
        func number(_ value: Double?) -> String? { value.map { $0.isFinite ? "\($0)" : "" } }
        if let simulation = record.results?.simulation {
            cells["floor_area_m2"] = number(simulation.floorAreaM2)
            cells["heating_need_kwh"] = number(simulation.heatingNeedKWh)
            cells["heating_need_kwh_per_m2"] = number(simulation.heatingNeedKWhPerM2)
            cells["cooling_need_kwh"] = number(simulation.coolingNeedKWh)
            cells["peak_heating_w"] = number(simulation.peakHeatingW)
            cells["unmet_heating_kwh"] = number(simulation.unmetHeatingKWh)
            cells["unmet_heating_hours"] = String(simulation.unmetHeatingHours)
            cells["occupied_hours_below_16c"] = String(simulation.occupiedHoursBelow16C)
            cells["occupied_hours_below_19c"] = String(simulation.occupiedHoursBelow19C)
            cells["occupied_hours_above_28c"] = String(simulation.occupiedHoursAbove28C)
        }
        if let energy = record.results?.energy {
            cells["primary_kwh"] = number(energy.primaryKWh)
            cells["primary_kwh_per_m2"] = number(energy.primaryKWhPerM2)
            cells["co2_kg"] = number(energy.co2Kg)
            cells["bill_eur"] = number(energy.billEUR)
            for delivered in energy.delivered { cells["delivered_kwh_\(delivered.energy.rawValue)"] = number(delivered.kWh) }
        }
        if let label = record.results?.label {
            cells["dpe_class"] = label.dpeClass
            cells["dpe_energy_class"] = label.energyClass
            cells["dpe_climate_class"] = label.climateClass
            cells["dpe_primary_kwh_per_m2"] = number(label.primaryKWhPerM2)
            cells["dpe_emissions_kg_co2eq_per_m2"] = number(label.emissionsKgPerM2)
        }
        if let tags = record.tags {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            cells["tags_json"] = (try? encoder.encode(tags)).map { String(decoding: $0, as: UTF8.self) }
        }
        return Data((columns.map { quoted(cells[$0] ?? "") }.joined(separator: ",") + "\n").utf8)
    }

    /// RFC 4180 quoting: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The id and line of a row written by ``row(_:)`` (for `--resume`), read with SwiftCSV.
    static func idAndLine(_ row: Data) -> (id: String, line: Int)? {
        let text = columns.joined(separator: ",") + "\n" + String(decoding: row, as: UTF8.self)
        guard let csv = try? EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false), let first = csv.rows.first,
              first.count >= 2, let line = Int(first[1]) else { return nil }
        return (first[0], line)
    }
}
