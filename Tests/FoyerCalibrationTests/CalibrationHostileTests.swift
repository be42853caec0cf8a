import Foundation
import Testing
import Foyer

/// Hostile bills through the calibration: whatever the reader lets through, the fit ends with an
/// error or with values inside their bounds and finite statistics — never a crash, a hang or a
/// non-finite figure.
@Suite("Hostile bills through the calibration")
struct CalibrationHostileTests {
    static let values: [String] = ["0", "0.000001", "1e-300", "1e7", "1e12", "1e308", "-5", "nan", "inf", "12,5"]

    static func lines(replacingPeriod index: Int?, with value: String) -> [String] {
        (1...12).map { month in
            let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            let typical = [2300, 1950, 1600, 900, 350, 180, 160, 150, 200, 800, 1700, 2250][month - 1]
            let quantity = index == nil || index == month - 1 ? value : String(typical)
            return String(format: "natural_gas;gaz;consumption;01/%02d/2025;%02d/%02d/2025;", month, days, month) + quantity + ";kwh;;;;;;actual;"
        }
    }

    @Test(arguments: values)
    func hostileQuantity(_ value: String) throws {
        let dwelling = try RecoveryTests.dwelling("fr/sfh-1949-1974", climate: .h1a)
        let simulator = HouseholdSimulator(weather: .referenceYear(ReferenceClimate.h1a.weatherYear), model: .fiveR1C)
        for index in [Optional(0), nil] {
            let book = SyntheticBills.book(Self.lines(replacingPeriod: index, with: value))
            guard !book.issues.hasErrors else {
                // Refused by the reader with the line and the column: the reader's own tests cover the wording.
                #expect(book.issues.errors.allSatisfy { $0.path.contains("line") || $0.path.contains("column") || !$0.path.isEmpty }, "\(book.issues)")
                continue
            }
            do {
                let calibration = try Calibration.calibrate(dwelling, conventional: nil, bills: book, simulator: simulator,
                                                            options: CalibrationOptions(parameters: [.setpoint], maxIterations: 8))
                for parameter in calibration.parameters {
                    #expect(parameter.value.isFinite && parameter.value >= parameter.lower && parameter.value <= parameter.upper,
                            "\(value): \(parameter.name) = \(parameter.value)")
                    #expect(parameter.standardError.map(\.isFinite) ?? true, "\(value): \(parameter.name) ± \(String(describing: parameter.standardError))")
                }
                for meter in calibration.meters {
                    #expect(meter.simulatedKWh.isFinite && (meter.nmbePercent.map(\.isFinite) ?? true) && (meter.cvRMSEPercent.map(\.isFinite) ?? true),
                            "\(value): \(meter)")
                }
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }
}
