import Foundation
import Testing
import Foyer
@testable import FoyerMeasures
@testable import FoyerSystems

/// Issue 14, item 1: the catalogue holds the 17 gestures of
/// `../shared/reference/works-gestures-labels.md` §C.2 and the works of §C.3, each a file.
@Suite("The catalogue covers the reference's gestures and works")
struct CatalogueCoverageTests {
    /// §C.2 rows 1–17, in order.
    static let gestures = [
        "setpoint-minus-1c", "heat-to-19c", "programmable-thermostat", "frost-mode-when-away", "shutters-closed-at-night",
        "draught-proofing", "airing-daily", "radiator-reflectors", "bleed-radiators", "low-flow-shower-head", "dhw-store-55c",
        "water-heater-off-peak", "wash-at-30c", "lids-on-pans", "box-off-at-night", "led-lamps", "fridge-defrost",
    ]
    /// §C.3's works that change the dwelling (the electric water heater, a like-for-like
    /// replacement, and the wood stove, an addition, are not measures that save).
    static let works = [
        "attic-insulation-r7", "sloped-roof-insulation-r6", "flat-roof-insulation-r45", "wall-insulation-external-r37",
        "wall-insulation-internal-r37", "floor-insulation-r3", "window-replacement-uw13", "insulating-shutters",
        "thermostatic-radiator-valves", "programmable-thermostat", "pipe-insulation", "hygro-ventilation", "mvhr-ventilation",
        "electric-heaters-advanced-control", "condensing-gas-boiler", "heat-pump-air-water", "thermodynamic-water-heater",
        "pellet-boiler", "solar-water-heater",
    ]

    @Test func everyGestureAndWorkIsAFile() throws {
        for id in Self.gestures + Self.works { _ = try MeasureTests.measure(id) }
        #expect(Self.gestures.count == 17)
        #expect(MeasureTests.catalogue.issues.isEmpty, "\(MeasureTests.catalogue.issues.map(\.description))")
    }

    /// Gestures with no sourced effect are advice: they apply, nothing is counted, and the
    /// reason is given in both languages.
    @Test func adviceIsListedNotCounted() throws {
        let house = try MeasureTests.dwelling()
        let ids = ["frost-mode-when-away", "airing-daily", "bleed-radiators", "fridge-defrost"]
        let report = try MeasureTests.savings(house, try ids.map(MeasureTests.measure), SavingsOptions(model: .fiveR1C))
        for line in report.measures {
            #expect(line.isAdvice && line.alone == nil && line.netCostEUR == nil, "\(line.id)")
            #expect((line.adviceFr ?? "").count > 20 && (line.notApplicable ?? "").hasPrefix("advice, not quantified: "), "\(line.id)")
        }
    }
}

/// The physics of pipes and radiator backs, by hand and against a published table.
@Suite("Heat lost by pipes and behind radiators")
struct EmitterLossTests {
    /// Bare 22 mm copper: the Engineering ToolBox table of uninsulated copper tube losses
    /// ("Copper Tubes — Uninsulated Heat Losses", engineeringtoolbox.com, after the ASHRAE and
    /// CIBSE tables) gives 43 W/m at ΔT 38 K and 60 W/m at 55 K. Free convection and radiation
    /// from ε 0.9 land within 15 % (below the table: the saving of lagging is not overstated).
    @Test(arguments: [(38.0, 43.0), (55.0, 60.0)])
    func barePipeAgainstTheTable(deltaK: Double, tableWPerM: Double) {
        let loss = EmitterLosses.pipeLossWPerM(waterC: 20 + deltaK, airC: 20, outerDiameterM: 0.022, insulationThicknessM: 0,
                                               conductivityWPerMK: 0.04, emissivity: EmitterLosses.pipeSurfaceEmissivity)
        #expect(abs(loss - tableWPerM) / tableWPerM < 0.15, "\(loss) W/m against \(tableWPerM)")
    }

    /// Lagged, 20 mm of λ 0.040 on 22 mm, water 60 °C in air at 10 °C, by hand (EN ISO 12241):
    /// R′ = ln(62/22)/(2π·0.040) = 4.123 m·K/W; with h_se ≈ 9 W/(m²·K) (≈ 3.6 convection at a
    /// 5 K surface excess + 5.4 radiation), R′_se = 1/(9·π·0.062) = 0.570; q = 50/4.693 = 10.7 W/m.
    @Test func laggedPipeByHand() {
        let lagged = EmitterLosses.pipeLossWPerM(waterC: 60, airC: 10, outerDiameterM: 0.022, insulationThicknessM: 0.020,
                                                 conductivityWPerMK: 0.040, emissivity: 0.9)
        #expect(abs(lagged - 10.65) < 0.6, "\(lagged) W/m")
        let bare = EmitterLosses.pipeLossWPerM(waterC: 60, airC: 10, outerDiameterM: 0.022, insulationThicknessM: 0, conductivityWPerMK: 0.04, emissivity: 0.9)
        #expect(lagged < 0.25 * bare, "\(lagged) vs bare \(bare)")
        #expect(EmitterLosses.pipeLossWPerM(waterC: 10, airC: 10, outerDiameterM: 0.022, insulationThicknessM: 0, conductivityWPerMK: 0.04, emissivity: 0.9) == 0)
    }

    /// Behind a radiator at 52 °C on a wall of U 2.1 (room 12 °C, outdoors 0 °C), by hand:
    /// h_r = 4σ(305.15 K)³ × 0.818 = 5.27, K = 1/(1/2.1 − 0.13) = 2.889,
    /// θ_s = (5.27·52 + 2.5·12)/(5.27 + 2.5 + 2.889) = 28.5 °C, loss 2.889 × 28.5 = 82.4 W/m²
    /// against 2.1 × 12 = 25.2 facing the room: 57.2 W/m² more. A foil (ε_eff 0.0497, h_r 0.32)
    /// brings θ_s to 8.17 °C and the extra to −1.6 W/m².
    @Test func radiatorBackByHand() {
        let bare = EmitterLosses.radiatorBackExtraLossWPerM2(waterC: 52, roomC: 12, outdoorC: 0, wallUWPerM2K: 2.1, wallEmissivity: 0.9)
        let foil = EmitterLosses.radiatorBackExtraLossWPerM2(waterC: 52, roomC: 12, outdoorC: 0, wallUWPerM2K: 2.1, wallEmissivity: 0.05)
        #expect(abs(bare - 57.2) < 0.3, "\(bare)")
        #expect(abs(foil - -1.6) < 0.3, "\(foil)")
        // An insulated wall keeps little: the same radiator on U 0.3 loses far less at its back.
        let insulated = EmitterLosses.radiatorBackExtraLossWPerM2(waterC: 52, roomC: 12, outdoorC: 0, wallUWPerM2K: 0.3, wallEmissivity: 0.9)
        #expect(insulated < bare / 5, "\(insulated)")
    }

    /// The radiators' mean water temperature at 0 °C outdoors (design −7 °C, 70 °C flow, n 1.3,
    /// room 20 °C): load 20/27 = 0.7407, flow 20 + 50 × 0.7407^(1/1.3) = 59.69 °C, mean
    /// 20 + 39.69 × 45/50 = 55.72 °C.
    @Test func meanWaterTemperatureByHand() {
        let mean = EmitterLosses.meanWaterC(outdoorC: 0, designFlowC: 70, designOutdoorC: -7, exponent: 1.3, roomC: 20)
        #expect(abs(mean - 55.72) < 0.01, "\(mean)")
    }
}

/// Each new measure: the direction of its effect and one figure checked by hand.
@Suite("New gestures and works, by hand")
struct NewMeasureTests {
    static func alone(_ house: ResolvedDwelling, _ id: String, model: ThermalModel = .fiveR1C) throws -> MeasureSaving {
        let report = try MeasureTests.savings(house, [try MeasureTests.measure(id)], SavingsOptions(model: model))
        let line = try #require(report.measures.first)
        #expect(line.alone != nil, "\(id): \(line.notApplicable ?? "")")
        return line
    }

    /// A boiler house without the archetype's whole-chain efficiency (3CL parts apply).
    static func chainHouse(radiators: Int? = 8) throws -> ResolvedDwelling {
        var house = try MeasureTests.dwelling()
        house.heatingSystems[0].efficiency = nil
        house.heatingSystems[0].emitterCount = radiators
        return house
    }

    /// Lagging 15 m of bare 22 mm pipe in a cellar (b 0.5): gas falls; the loss it removes is
    /// between 30 and 150 kWh a metre a year of heat (at ≈ 30–45 K over ≈ 4 000 hours); 15 m at
    /// 22 € is 330 €.
    @Test func pipeInsulation() throws {
        var house = try Self.chainHouse()
        if case .success = MeasureApplication.apply(try MeasureTests.measure("pipe-insulation"), to: house) { Issue.record("applied without pipes described") }
        house.heatingSystems[0].pipesOutsideHeatedVolume = PipeRunSpec(lengthM: 15, outerDiameterMm: 22, insulationThicknessMm: 0, spaceBFactor: 0.5)
        let line = try Self.alone(house, "pipe-insulation")
        let gas = line.alone?.kWhByEnergy["natural_gas"] ?? 0
        let perMetreHeat = gas * SystemDefaults.chain(.gasBoilerStandard).generation / 15
        #expect(perMetreHeat > 30 && perMetreHeat < 150, "\(perMetreHeat) kWh/m")
        #expect(line.quantity == 15 && line.costTypicalEUR == 330)
    }

    /// Reflectors on 8 radiators against the archetype's uninsulated walls (U 2.6): each keeps
    /// tens to a couple of hundred kWh a year — the UK's ≈ 60 kWh per radiator (Harris) is for
    /// solid walls of U ≈ 2.1 heated for a UK season; this house is heated all year at 70 °C
    /// design flow (Docs/Measures.md compares them).
    @Test func radiatorReflectors() throws {
        let line = try Self.alone(try Self.chainHouse(), "radiator-reflectors")
        let heatPerRadiator = (line.alone?.kWhByEnergy["natural_gas"] ?? 0) * SystemDefaults.chain(.gasBoilerStandard).generation / 8
        #expect(heatPerRadiator > 20 && heatPerRadiator < 300, "\(heatPerRadiator) kWh per radiator")
        #expect(line.costTypicalEUR == 80)
    }

    /// Draught-proofing a house of 1925: infiltration × 2.5/3.3 (3CL, pre-1948), heating falls;
    /// a house of the 1960s is left (3CL gives seals no effect after 1948).
    @Test func draughtProofing() throws {
        let old = try MeasureTests.dwelling("be/terraced-pre-1945")
        let measure = try MeasureTests.measure("draught-proofing")
        guard case let .success(applied) = MeasureApplication.apply(measure, to: old) else { Issue.record("not applied"); return }
        #expect(abs(applied.dwelling.ventilation.infiltrationPerH - old.ventilation.infiltrationPerH * 0.758) < 1e-12)
        let line = try Self.alone(old, "draught-proofing")
        #expect((line.alone?.heatingKWh ?? 0) > 0)
        if case .success = MeasureApplication.apply(measure, to: try MeasureTests.dwelling()) { Issue.record("applied to a 1949–1974 house") }
    }

    /// Heating to 19 °C a house kept at 21 °C saves heating; one at 19 °C is left as it is.
    @Test func heatToNineteen() throws {
        var house = try MeasureTests.dwelling()
        if case .success = MeasureApplication.apply(try MeasureTests.measure("heat-to-19c"), to: house) { Issue.record("applied at 19 °C") }
        house.thermostat.heatingSetpointC = 21
        house.thermostat.heatingSetbackC = 21
        guard case let .success(applied) = MeasureApplication.apply(try MeasureTests.measure("heat-to-19c"), to: house) else { Issue.record("not applied at 21 °C"); return }
        #expect(applied.dwelling.thermostat.heatingSetpointC == 19 && applied.dwelling.thermostat.heatingSetbackC == 19)
        let line = try Self.alone(house, "heat-to-19c")
        #expect((line.alone?.heatingKWh ?? 0) > 0)
        // ADEME's 7 % a degree, two degrees: the reference is 14 % of 21 °C's heating, roughly.
        #expect(line.referenceKWhPerYear != nil)
    }

    /// The water heater moved onto off-peak hours: the same kWh, a lower bill on a HP/HC meter.
    @Test func waterHeaterOffPeak() throws {
        var house = try MeasureTests.dwelling()
        var store = HotWaterSystemSpec()
        store.type = .electricStorage
        store.storageVolumeL = 200
        house.hotWater.systems = [store]
        if case .success = MeasureApplication.apply(try MeasureTests.measure("water-heater-off-peak"), to: house) { Issue.record("applied on a single-rate meter") }
        house.energySupply.electricityMeter = .peakOffPeak
        house.energySupply.contracts = [ContractSpec(energy: .electricity, offer: "fr-edf-bleu-hphc"), ContractSpec(energy: .naturalGas, offer: "fr-cre-gas-reference")]
        let line = try Self.alone(house, "water-heater-off-peak")
        #expect(abs(line.alone?.kWh ?? 1) < 1e-6)
        #expect((line.alone?.eur ?? 0) > 10, "\(line.alone?.eur ?? 0) €")
    }

    /// Lids: 1.46 % of the cooking energy; 305 kWh × (N/2.2)^0.4714 for the archetype's
    /// household, counted on the electricity.
    @Test func lidsOnPans() throws {
        let house = try MeasureTests.dwelling()
        let line = try Self.alone(house, "lids-on-pans")
        let cooking = OtherUses.defaultCookingKWhPerYear(occupants: house.occupancy.occupants)
        #expect(abs((line.alone?.kWhByEnergy["electricity"] ?? 0) - cooking * 0.0146) < 0.01, "\(line.alone?.kWhByEnergy ?? [:])")
    }

    /// LED: 4 lamps × (60 − 9) W × 1 111 h = 226.6 kWh of electricity; the heating rises a little.
    @Test func ledLamps() throws {
        let line = try Self.alone(try MeasureTests.dwelling(), "led-lamps")
        // (The lighting's hourly profile spreads the year over months of unequal length: 0.1 %.)
        #expect(abs((line.alone?.kWhByEnergy["electricity"] ?? 0) - 226.644) < 0.25, "\(line.alone?.kWhByEnergy ?? [:])")
        #expect((line.alone?.heatingKWh ?? 0) < 0)
    }

    /// A new generator keeps the network: the archetype's whole-chain 0.55 becomes
    /// 0.55 × 0.95/0.81 with a condensing boiler (3CL generation), so the heating gas falls by
    /// 1 − 0.81/0.95 = 14.7 %; a pellet boiler (0.91) burns 0.81/0.91 of the gas in pellets,
    /// priced at the library's pellet offer (said).
    @Test func boilersByHand() throws {
        let house = try MeasureTests.dwelling()
        let report = try MeasureTests.savings(house, [try MeasureTests.measure("condensing-gas-boiler"), try MeasureTests.measure("pellet-boiler")],
                                              SavingsOptions(model: .fiveR1C))
        let heating = report.baseline.heatingKWh
        let condensing = try #require(report.measures.first { $0.id == "condensing-gas-boiler" }?.alone)
        #expect(abs(condensing.heatingKWh - heating * (1 - 0.81 / 0.95)) < 1, "\(condensing.heatingKWh) of \(heating)")
        let pellet = try #require(report.measures.first { $0.id == "pellet-boiler" })
        let pellets = -(pellet.alone?.kWhByEnergy["wood_pellets"] ?? 0)
        #expect(abs(pellets - heating * 0.81 / 0.91) < 1, "\(pellets)")
        #expect(pellet.pricingNotes?.first?.contains("wood_pellets") == true, "\(pellet.pricingNotes ?? [])")
        #expect((pellet.alone?.eur ?? 0) > 0 && (pellet.alone?.eur ?? 0) < 4_000, "\(pellet.alone?.eur ?? 0)")
    }

    /// Electric heaters with advanced control: 3CL emission 0.95 → 0.97 and regulation
    /// 0.96 → 0.99: electricity for heating × (0.95·0.96)/(0.97·0.99) = × 0.9497.
    @Test func electricHeaters() throws {
        var house = try MeasureTests.dwelling()
        var convectors = HeatingSystemSpec()
        convectors.id = "convectors"
        convectors.type = .electricConvector
        convectors.emitter = .convector
        house.heatingSystems = [convectors]
        if case let .failure(reason) = MeasureApplication.apply(try MeasureTests.measure("electric-heaters-advanced-control"), to: house) {
            #expect(reason.reason.contains("emitter_count"))
        } else { Issue.record("priced per heater without a count") }
        house.heatingSystems[0].emitterCount = 6
        let report = try MeasureTests.savings(house, [try MeasureTests.measure("electric-heaters-advanced-control")], SavingsOptions(model: .fiveR1C))
        let line = try #require(report.measures.first)
        let alone = try #require(line.alone, "\(line.notApplicable ?? "")")
        #expect(abs(alone.heatingKWh - report.baseline.heatingKWh * (1 - 0.95 * 0.96 / (0.97 * 0.99))) < 0.5)
        #expect(line.costTypicalEUR == 3_000)
    }

    /// Ventilation: hygro B in place of a self-regulating extract cuts the airflow to 0.727 of
    /// it and the fans to 15 W; a balanced unit recovers 85 % and its fans draw 35 W,
    /// 306.6 kWh a year counted as auxiliaries.
    @Test func ventilationSystems() throws {
        var house = try MeasureTests.dwelling()
        house.ventilation.type = .exhaust
        house.ventilation.ventilationPerH = 0.4
        house.ventilation.fanPowerW = 65
        let hygro = try Self.alone(house, "hygro-ventilation")
        #expect((hygro.alone?.heatingKWh ?? 0) > 0)
        #expect(abs((hygro.alone?.kWhByEnergy["electricity"] ?? 0) - 50 * 8.76) < 30, "fans 65 → 15 W, less a little lighting heat: \(hygro.alone?.kWhByEnergy ?? [:])")
        let mvhr = try Self.alone(house, "mvhr-ventilation")
        #expect((mvhr.alone?.heatingKWh ?? 0) > (hygro.alone?.heatingKWh ?? 0))
        guard case let .success(applied) = MeasureApplication.apply(try MeasureTests.measure("mvhr-ventilation"), to: house) else { return }
        #expect(applied.dwelling.ventilation.fanPowerW == 35 && abs(applied.dwelling.ventilation.ventilationPerH - 0.352) < 1e-12)
    }

    /// A solar water heater in zone H1 covers 63 % of the need (3CL H1a): the water heater's
    /// electricity falls by more than half.
    @Test func solarWaterHeater() throws {
        var house = try MeasureTests.dwelling()
        var store = HotWaterSystemSpec()
        store.type = .electricStorage
        store.storageVolumeL = 200
        house.hotWater.systems = [store]
        let line = try Self.alone(house, "solar-water-heater")
        #expect((line.alone?.kWhByEnergy["electricity"] ?? 0) > 0)
        guard case let .success(applied) = MeasureApplication.apply(try MeasureTests.measure("solar-water-heater"), to: house) else { return }
        #expect(applied.dwelling.hotWater.systems?.first?.solarFraction == 0.63 || applied.dwelling.hotWater.systems?.first?.solarFraction == 0.66)
    }

    /// Insulating shutters on the archetype's four windows, ΔR 0.25, closed at night: heating
    /// falls; sloped and flat roofs are picked by their tilt.
    @Test func shuttersAndRoofs() throws {
        var house = try MeasureTests.dwelling()
        let shutters = try Self.alone(house, "insulating-shutters", model: .iso52016)
        #expect((shutters.alone?.heatingKWh ?? 0) > 0 && shutters.quantity == 4)
        let roof = try #require(house.opaqueElements.firstIndex { $0.kind == .roof })
        house.opaqueElements[roof].boundary = .outdoor
        house.opaqueElements[roof].tiltDeg = 35
        let sloped = try MeasureTests.measure("sloped-roof-insulation-r6"), flat = try MeasureTests.measure("flat-roof-insulation-r45")
        guard case let .success(applied) = MeasureApplication.apply(sloped, to: house) else { Issue.record("a 35° roof is sloped"); return }
        // U' = 1/(1/U + 6) (EN ISO 6946, resistances in series), and the heating falls.
        let before = house.opaqueElements[roof].uValueWPerM2K
        #expect(abs(applied.dwelling.opaqueElements[roof].uValueWPerM2K - 1 / (1 / before + 6)) < 1e-12)
        #expect((try Self.alone(house, "sloped-roof-insulation-r6").alone?.heatingKWh ?? 0) > 0)
        if case .success = MeasureApplication.apply(flat, to: house) { Issue.record("a 35° roof is not flat") }
        house.opaqueElements[roof].tiltDeg = 0
        guard case .success = MeasureApplication.apply(flat, to: house) else { Issue.record("a 0° roof is flat"); return }
    }
}

/// A Belgian dwelling is priced at Belgian published costs where the catalogue has them, and
/// the Walloon loans, whose amounts are not published, are named but not counted.
@Suite("Belgian costs and Walloon aids")
struct BelgianCostTests {
    @Test func sloppedRoofAtBelgianPrices() throws {
        let house = try MeasureTests.dwelling("be/terraced-pre-1945")
        let measure = try MeasureTests.measure("sloped-roof-insulation-r6")
        let report = try MeasureTests.savings(house, [measure], SavingsOptions(model: .fiveR1C))
        let line = try #require(report.measures.first)
        let area = try #require(line.quantity)
        // 42 €/m² (energuide.be), not the French 83 €/m².
        #expect(abs((line.costTypicalEUR ?? 0) - 42 * area) < 1e-6, "\(line.costTypicalEUR ?? 0) for \(area) m²")
        #expect(line.costSource?.contains("energuide.be") == true)
        let walloon = try #require(line.aids.first { $0.scheme == "renopack_renopret" })
        #expect(walloon.eur == nil && walloon.note?.contains("not published") == true)
        #expect(line.aids.allSatisfy { $0.scheme != "maprimerenov" && $0.scheme != "cee" })
        #expect(report.notes.contains { $0.contains("BE published prices for 1 of the 1") })
        // A French dwelling keeps the French price.
        var french = try MeasureTests.dwelling()
        let roof = try #require(french.opaqueElements.firstIndex { $0.kind == .roof })
        french.opaqueElements[roof].boundary = .outdoor
        french.opaqueElements[roof].tiltDeg = 35
        let frenchLine = try #require(try MeasureTests.savings(french, [measure], SavingsOptions(model: .fiveR1C)).measures.first)
        #expect(abs((frenchLine.costTypicalEUR ?? 0) - 83 * (frenchLine.quantity ?? 0)) < 1e-6)
    }
}

/// Issue 15, item 4: the landlord's list with DPE classes — the class after each work, and the
/// cheapest package reaching a class.
@Suite("Works by DPE class")
struct WorksByClassTests {
    @Test func targetClassE() throws {
        let house = try MeasureTests.dwelling()
        let weather = try Inputs.weather(for: house.location).year
        let report = try WorksPlanner.plan(house, measures: MeasureTests.catalogue.measures, weather: PreparedWeather(weather), library: try EnergyPipeline.tariffs(),
                                           savings: SavingsOptions(model: .fiveR1C, incomeBand: .low), options: WorksOptions(targetDPEClass: .e))
        #expect(report.baselineDPEClass == .g, "the 1949–1974 archetype: \(String(describing: report.baselineDPEClass))")
        for step in report.ranked {
            // The class shown is the label of the variant after the step.
            #expect(step.dpeClassAfter == step.after.dpeLabel(house, diagnosedOn: CivilDate(2026, 1, 1))?.overallClass, "\(step.id)")
        }
        let classes = report.ranked.compactMap(\.dpeClassAfter)
        #expect(classes == classes.sorted(by: >), "each work keeps or improves the class: \(classes)")
        let cheapest = try #require(report.targetCheapest, "\(report.notes)")
        #expect(try #require(cheapest.dpeClass) <= .e)
        // Cheapest: no affordable subset of the ranked works is cheaper and reaches E.
        #expect(cheapest.netCostEUR <= report.ranked.filter { ($0.dpeClassAfter ?? .g) <= .e }.map(\.cumulativeNetCostEUR).min() ?? .infinity)
    }

    /// The works list and `foyer label` read the class under the same conventions (operative
    /// 19 °C, the DPE's degree-hours, intermittence): the same dwelling, the same primary energy.
    @Test func theWorksListAndTheLabelAgree() throws {
        let house = try MeasureTests.dwelling("fr/sfh-1975-1989")
        let weather = try Inputs.weather(for: house.location).year
        let library = try EnergyPipeline.tariffs()
        let evaluator = try VariantEvaluator(house, weather: PreparedWeather(weather), library: library, options: SavingsOptions(model: .fiveR1C), labels: true)
        let fromWorks = try #require(evaluator.baseline.dpeLabel(house, diagnosedOn: CivilDate(2026, 1, 1)))
        let fromLabel = try DPEEstimate.compute(house, weather: weather, model: .fiveR1C, library: library, diagnosedOn: CivilDate(2026, 1, 1))
        #expect(abs(fromWorks.primaryKWhPerM2 - fromLabel.label.primaryKWhPerM2) < 0.01 * fromLabel.label.primaryKWhPerM2,
                "works \(fromWorks.primaryKWhPerM2), label \(fromLabel.label.primaryKWhPerM2)")
        #expect(fromWorks.overallClass == fromLabel.label.overallClass)
    }

    @Test func aBelgianDwellingHasNoDPEClass() throws {
        let house = try MeasureTests.dwelling("be/terraced-pre-1945")
        let weather = try Inputs.weather(for: house.location).year
        let report = try WorksPlanner.plan(house, measures: [try MeasureTests.measure("window-replacement-uw13")], weather: PreparedWeather(weather),
                                           library: try EnergyPipeline.tariffs(), savings: SavingsOptions(model: .fiveR1C), options: WorksOptions(targetDPEClass: .d))
        #expect(report.baselineDPEClass == nil && report.ranked.allSatisfy { $0.dpeClassAfter == nil })
        #expect(report.notes.contains { $0.contains("French label") })
    }
}
