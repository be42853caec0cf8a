import FoyerClimate

/// A dwelling with every default applied and every value checked: what the engines consume.
///
/// Values are SI (m, m², m³, W/(m²·K), °C, W). Not `Codable` on purpose: the hand-writable form
/// is ``DwellingSpec``; this one is the solver's.
public struct ResolvedDwelling: Sendable, Equatable {
    public var name: String
    public var description: String
    public var location: ResolvedLocation
    public var dwellingType: DwellingType
    public var yearBuilt: Int?
    public var floorAreaM2: Double
    public var storeys: Int
    public var storeyHeightM: Double
    public var volumeM3: Double
    /// Heat capacity of the zone air and furniture per m² of floor, on the air node, J/(m²·K)
    /// (EN ISO 52016-1 κ_m,int).
    public var internalHeatCapacityJPerM2K: Double = 10_000
    /// Share of the heating power convected to the air, the rest radiated to the surfaces
    /// (from the emitters, `EmitterType.convectiveFraction`).
    public var heatingConvectiveFraction: Double = 1
    public var opaqueElements: [ResolvedOpaqueElement]
    public var windows: [ResolvedWindow]
    /// Where the solar radiation through the windows is absorbed, when the file gives it.
    public var interiorSolarDistribution: ResolvedInteriorSolarDistribution?
    /// Heat transfer coefficient of the thermal bridges, H_tb = Σψ·L + ΔU_tb·ΣA, W/K.
    public var thermalBridgeHeatTransferWPerK: Double
    public var ventilation: ResolvedVentilation
    public var thermostat: ResolvedThermostat
    public var occupancy: ResolvedOccupancy
    public var heatingSystems: [HeatingSystemSpec]
    public var hotWater: HotWaterSpec
    /// Electricity and cooking fuel for the other uses (defaults applied by FoyerSystems).
    public var otherUses = OtherUsesSpec()
    /// Meters and contracts.
    public var energySupply = EnergySupplySpec()
    /// Which use of the dwelling these values describe (conventional, or the household's own).
    public var useScenario: UseScenario = .conventional
    /// The part of the dwelling the household heats; `nil`: all of it.
    public var heatedShare: ResolvedHeatedShare? = nil
    /// `household_use.description`, in the household scenario.
    public var useDescription: String? = nil

    /// Σ A·U over the opaque elements and windows (without the adjustment factor), W/K.
    public var envelopeAUWPerK: Double {
        opaqueElements.reduce(0) { $0 + $1.netAreaM2 * $1.uValueWPerM2K }
            + windows.reduce(0) { $0 + $1.areaM2 * $1.uValueWPerM2K }
    }
}

/// Where the weather comes from.
public enum WeatherSource: Sendable, Equatable {
    /// An embedded reference climate, by id (`H1a`, `BE-Uccle`).
    case referenceClimate(String)
    /// An EPW file, as an absolute or working-directory-relative path.
    case epwFile(String)
    /// None given: the caller must supply the weather (validation cases).
    case unspecified
}

public struct ResolvedLocation: Sendable, Equatable {
    public var weather: WeatherSource
    public var country: String?
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var altitudeM: Double
    /// The terrain around the house (wind at the house).
    public var terrain: Terrain = .suburban
}

/// Which element family an opaque element belongs to.
public enum OpaqueElementKind: String, Sendable, Equatable, CaseIterable {
    case wall, roof, floor, door
}

/// The other side of an element, resolved.
public enum ResolvedBoundary: Sendable, Equatable {
    case outdoor
    /// The ground (EN ISO 13370) with the floor's exposed perimeter in metres, if known.
    case ground(exposedPerimeterM: Double?)
    /// An unheated space with temperature adjustment factor *b* (EN ISO 13789:2017, 6.4).
    case unheatedSpace(adjustmentFactorB: Double)
    /// A heated neighbour: no heat flow.
    case adiabatic
}

/// One layer of a construction (outside to inside).
public struct ResolvedLayer: Sendable, Equatable {
    public var material: String
    public var thicknessM: Double
    public var thermalResistanceM2KPerW: Double
    /// ρ·c·d, J/(m²·K).
    public var arealHeatCapacityJPerM2K: Double

    public init(material: String, thicknessM: Double, thermalResistanceM2KPerW: Double, arealHeatCapacityJPerM2K: Double) {
        self.material = material
        self.thicknessM = thicknessM
        self.thermalResistanceM2KPerW = thermalResistanceM2KPerW
        self.arealHeatCapacityJPerM2K = arealHeatCapacityJPerM2K
    }
}

public struct ResolvedOpaqueElement: Sendable, Equatable {
    public var id: String
    public var kind: OpaqueElementKind
    public var description: String
    /// The field path of the element in the input, for messages (`envelope.walls[2]`).
    public var path: String
    /// Area through which heat flows: the gross area less the windows and doors it hosts.
    public var netAreaM2: Double
    public var azimuthDeg: Double
    public var tiltDeg: Double
    /// U including surface resistances (EN ISO 6946), W/(m²·K).
    public var uValueWPerM2K: Double
    /// Empty when the element was given by its U-value only.
    public var layers: [ResolvedLayer]
    public var arealHeatCapacityJPerM2K: Double
    public var massDistribution: MassDistribution
    public var boundary: ResolvedBoundary
    public var solarAbsorptance: Double
    public var thermalEmissivity: Double
}

public struct ResolvedShutter: Sendable, Equatable {
    public var type: ShutterType
    public var additionalResistanceM2KPerW: Double
    public var closedAtNight: Bool

    public init(type: ShutterType, additionalResistanceM2KPerW: Double, closedAtNight: Bool) {
        self.type = type
        self.additionalResistanceM2KPerW = additionalResistanceM2KPerW
        self.closedAtNight = closedAtNight
    }
}

public struct ResolvedWindow: Sendable, Equatable {
    public var id: String
    public var description: String
    public var path: String
    public var areaM2: Double
    public var azimuthDeg: Double
    public var tiltDeg: Double
    public var uValueWPerM2K: Double
    public var gValue: Double
    public var frameFraction: Double
    public var shutter: ResolvedShutter?
    public var hostWallID: String?
    public var boundary: ResolvedBoundary
    /// Number of panes when the glazing type was given (single 1, double 2, triple 3).
    public var panes: Int?
    /// The glazing pane by pane, when the file gave it.
    public var glazingLayers: ResolvedGlazingLayers? = nil
    /// When the U-value is the glazing's own (layers given, no frame): the glazing's
    /// glass-to-glass resistance, m²·K/W, without surface films.
    public var glassToGlassResistanceM2KPerW: Double? = nil

    /// Corrected emissivity of the window's outer face: the outer pane's, or uncoated glass's.
    public var outerEmissivity: Double { glazingLayers?.panes.first?.emissivityFront ?? GlazingPhysics.uncoatedEmissivity }
    /// Corrected emissivity of the window's face turned to the room.
    public var innerEmissivity: Double { glazingLayers?.panes.last?.emissivityBack ?? GlazingPhysics.uncoatedEmissivity }
}

/// Fractions of the solar radiation transmitted by the windows absorbed by internal surfaces.
public struct ResolvedInteriorSolarDistribution: Sendable, Equatable {
    /// (element id, fraction) in the order of the file's elements (opaque elements, then windows).
    public var fractions: [(elementID: String, fraction: Double)]
    /// Fraction transmitted back out through the windows.
    public var lostThroughWindows: Double

    public init(fractions: [(elementID: String, fraction: Double)], lostThroughWindows: Double) {
        self.fractions = fractions
        self.lostThroughWindows = lostThroughWindows
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.lostThroughWindows == b.lostThroughWindows && a.fractions.elementsEqual(b.fractions) { $0 == $1 }
    }
}

public struct ResolvedVentilation: Sendable, Equatable {
    public var type: VentilationType
    /// Air change by infiltration, 1/h.
    public var infiltrationPerH: Double
    /// Air change through fans or vents, 1/h.
    public var ventilationPerH: Double
    /// Heat recovered from the mechanical supply air (0–1).
    public var heatRecoveryEfficiency: Double
    /// The fans' mean electric power, W (0 for natural ventilation).
    public var fanPowerW: Double = 0
    /// Effective air change for heat loss: infiltration + ventilation × (1 − recovery), 1/h.
    public var effectiveAirChangePerH: Double { infiltrationPerH + ventilationPerH * (1 - heatRecoveryEfficiency) }
}

/// A week of hourly flags: `weekdays[h]` for hour *h* (0–23) of Monday–Friday, likewise weekends.
public struct WeekSchedule: Sendable, Equatable {
    public var weekdays: [Bool]
    public var weekends: [Bool]

    public static let always = WeekSchedule(weekdays: Array(repeating: true, count: 24), weekends: Array(repeating: true, count: 24))

    /// 24 hours of Monday–Friday and 24 of Saturday–Sunday.
    public init(weekdays: [Bool], weekends: [Bool]) {
        self.weekdays = weekdays
        self.weekends = weekends
    }
}

public struct ResolvedThermostat: Sendable, Equatable {
    public var mode: ThermostatMode
    public var controlTemperature: ControlTemperature
    public var heatingSetpointC: Double
    public var heatingSetbackC: Double
    public var coolingSetpointC: Double
    public var comfortPeriods: WeekSchedule
    /// The days the heating is on; `nil`: all year.
    public var heatingSeason: HeatingSeason? = nil
}

/// The part of the year the heating is on: from `start` to `end`, both included, over the new
/// year when `end` comes before `start`. Days are (month, day) of a non-leap year.
public struct HeatingSeason: Sendable, Equatable {
    public var start: (month: Int, day: Int)
    public var end: (month: Int, day: Int)

    public init(start: (month: Int, day: Int), end: (month: Int, day: Int)) {
        self.start = start
        self.end = end
    }

    /// Whether the heating is on, day `dayOfYear` (0 = 1 January) of a non-leap year.
    public func contains(dayOfYear: Int) -> Bool {
        let first = Self.dayOfYear(start), last = Self.dayOfYear(end)
        return first <= last ? (first...last).contains(dayOfYear) : dayOfYear >= first || dayOfYear <= last
    }

    /// Days of a non-leap year before (month, day), so 1 January is 0.
    public static func dayOfYear(_ date: (month: Int, day: Int)) -> Int {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return lengths.prefix(max(0, min(12, date.month) - 1)).reduce(0, +) + min(max(date.day, 1), 31) - 1
    }

    public static func == (a: HeatingSeason, b: HeatingSeason) -> Bool {
        a.start == b.start && a.end == b.end
    }
}

public struct ResolvedOccupancy: Sendable, Equatable {
    public var occupants: Int
    public var presence: WeekSchedule
    /// Mean internal gains, W.
    public var internalGainsW: Double
    public var internalGainsRadiativeFraction: Double
    /// Hourly multipliers of the mean gains (24 weekday values, 24 weekend values), with a weekly
    /// mean of 1; all ones when no profile is given.
    public var internalGainsProfileWeekdays: [Double] = Array(repeating: 1, count: 24)
    public var internalGainsProfileWeekends: [Double] = Array(repeating: 1, count: 24)
}

/// A value the resolver filled because the input did not give it.
public struct DefaultedValue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Field path (`ventilation.air_change_per_h`).
    public var path: String
    /// The value used, with its unit.
    public var value: String
    /// Why this value (and its source).
    public var reason: String

    public var description: String { "\(path) = \(value) (\(reason))" }

    public init(path: String, value: String, reason: String) {
        self.path = path
        self.value = value
        self.reason = reason
    }
}

