/// Which use of a dwelling a calculation describes.
public enum UseScenario: String, Sendable, Equatable, Codable, CaseIterable {
    /// The conventional use (the DPE's: 19 °C in the whole dwelling whenever heating is needed,
    /// its hot-water litres, its gains): the top-level fields of the dwelling file.
    case conventional
    /// The household's own use: the file's `household_use` merged over the top-level fields.
    case household
}

/// Which scenario to load: the one asked for, or the household's when the file has one.
public enum UseChoice: String, Sendable, Equatable, CaseIterable {
    /// The household scenario when the file has a `household_use`, else the conventional one.
    case automatic = "auto"
    case conventional
    case household
}

/// The heated part of a dwelling whose other rooms are left cold, resolved.
///
/// The cold rooms are an unheated zone behind the internal partitions, coupled to the outside
/// through their share of the envelope and ventilation (H_ue) and to the heated rooms through
/// the partitions and the air passing under closed doors (H_iu). Its temperature follows from
/// its steady-state balance, EN ISO 13789:2017, 6.4: θ_u = θ_e + (θ_i − θ_e)·H_iu/(H_iu + H_ue),
/// so the heated rooms lose b·H_iu·(θ_i − θ_e) through the partitions with
/// b = H_ue/(H_iu + H_ue), the adjustment factor of an unheated space. The cold rooms' thermal
/// mass and the sun through their windows are not counted (as the b-factor method of EN ISO
/// 13789 and of the DPE 3CL does not count them): a slight overestimate of the heat the heated
/// rooms need.
public struct ResolvedHeatedShare: Sendable, Equatable {
    /// Heated share of the floor area, 0.1–1.
    public var fraction: Double
    /// Area of the partitions between heated and cold rooms, m².
    public var partitionAreaM2: Double
    /// Their U-value, W/(m²·K).
    public var partitionUValueWPerM2K: Double
    /// Air flowing between the parts, m³/h.
    public var airTransferM3PerH: Double
    /// Whether the partition area is the default (the cold rooms' floor area), which follows
    /// the fraction when calibration changes it.
    public var partitionAreaIsDefault = false

    public init(fraction: Double, partitionAreaM2: Double, partitionUValueWPerM2K: Double, airTransferM3PerH: Double) {
        self.fraction = fraction
        self.partitionAreaM2 = partitionAreaM2
        self.partitionUValueWPerM2K = partitionUValueWPerM2K
        self.airTransferM3PerH = airTransferM3PerH
    }

    /// Default U of the partitions: EN ISO 6946 with R_si = 0.13 m²·K/W on both sides and
    /// 0.25 m²·K/W of construction (a plastered hollow-brick wall, a timber floor with its
    /// ceiling), U = 1/(0.13 + 0.25 + 0.13) ≈ 2.0 W/(m²·K).
    public static let defaultPartitionUValueWPerM2K = 2.0
    /// Default air transfer between the parts with the doors closed, m³/h: the gaps under two or
    /// three interior doors (≈ 1 cm × 0.8 m each) at the 1–2 Pa that a temperature difference
    /// drives — an order of magnitude, stated as such.
    public static let defaultAirTransferM3PerH = 30.0
    /// ρ_a·c_a, J/(m³·K) (EN ISO 13789:2017).
    static let airVolumetricHeatCapacityJPerM3K = 1200.0
}

extension ResolvedDwelling {
    /// The conductances of the heated-share model, W/K: H_ue of the cold rooms to the outside
    /// (their share of Σ b·U·A, thermal bridges and ventilation), H_iu between the two parts, and
    /// the adjustment factor b = H_ue/(H_iu + H_ue).
    public func coldRoomsCoupling(_ share: ResolvedHeatedShare) -> (outsideWPerK: Double, partitionWPerK: Double, b: Double) {
        let transmission = opaqueElements.reduce(0.0) { sum, element in
            let b: Double = switch element.boundary {
            case .outdoor, .ground: 1
            case let .unheatedSpace(factor): factor
            case .adiabatic: 0
            }
            return sum + b * element.uValueWPerM2K * element.netAreaM2
        } + windows.reduce(0.0) { $0 + $1.uValueWPerM2K * $1.areaM2 }
        let ventilation = ResolvedHeatedShare.airVolumetricHeatCapacityJPerM3K * ventilation.effectiveAirChangePerH * volumeM3 / 3600
        let outside = (1 - share.fraction) * (transmission + thermalBridgeHeatTransferWPerK + ventilation)
        let partition = share.partitionUValueWPerM2K * share.partitionAreaM2
            + ResolvedHeatedShare.airVolumetricHeatCapacityJPerM3K * share.airTransferM3PerH / 3600
        let b = outside + partition > 0 ? outside / (outside + partition) : 0
        return (outside, partition, b)
    }

    /// The zone the heating serves: the whole dwelling, or its heated share with the cold rooms
    /// as an unheated zone behind the partitions (see ``ResolvedHeatedShare``).
    ///
    /// Every envelope element, window, thermal bridge, the volume and the floor area are taken in
    /// proportion to the heated share; the loss through the partitions, b·H_iu, joins the
    /// direct conductances to the outside (the thermal-bridge term, which every model treats as
    /// a conductance from the zone to the outdoor air). Internal gains stay whole: the household
    /// lives in the heated rooms.
    public var heatedZone: ResolvedDwelling {
        guard let share = heatedShare, share.fraction < 1 else { return self }
        let f = share.fraction
        let coupling = coldRoomsCoupling(share)
        var zone = self
        zone.opaqueElements = opaqueElements.map { element in
            var scaled = element
            scaled.netAreaM2 *= f
            if case let .ground(perimeter?) = element.boundary { scaled.boundary = .ground(exposedPerimeterM: perimeter * f) }
            return scaled
        }
        zone.windows = windows.map { window in
            var scaled = window
            scaled.areaM2 *= f
            return scaled
        }
        zone.thermalBridgeHeatTransferWPerK = thermalBridgeHeatTransferWPerK * f + coupling.b * coupling.partitionWPerK
        zone.volumeM3 *= f
        zone.floorAreaM2 *= f
        zone.heatedShare = nil
        return zone
    }
}

extension ResolvedLocation {
    /// The weather's short name for messages: the climate id, or the EPW file's name.
    public var weatherName: String {
        switch weather {
        case let .referenceClimate(id): id
        case let .epwFile(path): path.split(separator: "/").last.map(String.init) ?? path
        case .unspecified: "none"
        }
    }
}
