import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems

/// The heating and hot-water systems of a DPE. Foyer's heating chain is 3CL's split
/// (generation × distribution × emission × regulation, arrêté du 31 mars 2021 annexe 1 §9), so
/// the four efficiencies the DPE computed carry over one to one.
extension Reader {
    struct Heating {
        var spec: HeatingSpec
        /// Heating generators by their DPE `reference`, with their Foyer id, type and label.
        var generators: [(reference: String?, id: String, type: HeatingSystemType, typeId: Int, energy: Energy, combined: Bool)]
    }

    func installationType(_ node: XMLElementNode, place: String, what: String) throws(InputError) {
        let id = try integer(node, "donnee_entree/enum_type_installation_id", where: place) ?? 1
        guard id == 1 else {
            throw fail(node.at("donnee_entree/enum_type_installation_id"), place + "/donnee_entree/enum_type_installation_id", value: String(id),
                       "a collective \(what) installation: its losses and its share belong to the building, which Foyer does not model",
                       expected: "1 (individual installation)")
        }
    }

    /// `volumeGV`: the DPE's G, its envelope loss (`sortie/deperdition/deperdition_enveloppe`,
    /// W/K) per m³ of heated volume.
    mutating func readHeating(_ logement: XMLElementNode, volumeGV: Double?) throws(InputError) -> Heating {
        let installations = logement.child("installation_chauffage_collection")?.all("installation_chauffage") ?? []
        guard !installations.isEmpty else {
            throw fail(logement, "logement/installation_chauffage_collection", "missing: the DPE has no heating installation")
        }
        var systems: [HeatingSystemSpec] = []
        var weights: [Double] = []
        var generators: [(reference: String?, id: String, type: HeatingSystemType, typeId: Int, energy: Energy, combined: Bool)] = []
        for (i, installation) in installations.enumerated() {
            let place = "logement/installation_chauffage_collection/installation_chauffage[\(i + 1)]"
            try installationType(installation, place: place, what: "heating")
            if let text = installation.string("donnee_entree/description")?.lowercased(), text.contains("solaire") {
                note("solar-heating", path: "heating.systems", "the DPE names solar space heating (\"\(String(text.prefix(60)))\"): Foyer has no solar-heating model, so its share is not deducted", "le DPE mentionne un chauffage solaire (« \(String(text.prefix(60))) ») : Foyer n'a pas de modèle de chauffage solaire, sa part n'est pas déduite")
            }
            let emitters = installation.child("emetteur_chauffage_collection")?.all("emetteur_chauffage") ?? []
            guard let emitterNode = emitters.first else {
                throw fail(installation, place + "/emetteur_chauffage_collection", "missing: the installation has no emitter")
            }
            let emitterPlace = place + "/emetteur_chauffage_collection/emetteur_chauffage[1]"
            guard let emitterId = try integer(emitterNode, "donnee_entree/enum_type_emission_distribution_id", where: emitterPlace) else {
                throw fail(emitterNode, emitterPlace + "/donnee_entree/enum_type_emission_distribution_id", "missing: the emitter's type", expected: "1…50 (type_emission_distribution)")
            }
            guard let emitter = DPEEnums.emitter(emitterId) else {
                throw fail(emitterNode.at("donnee_entree/enum_type_emission_distribution_id"), emitterPlace + "/donnee_entree/enum_type_emission_distribution_id", value: String(emitterId),
                           "an emitter Foyer has no model for (\"autres équipements\")", expected: "an emitter id of type_emission_distribution other than 41")
            }
            if Set(try emitters.enumerated().map { (k, node) throws(InputError) in try integer(node, "donnee_entree/enum_type_emission_distribution_id", where: place + "/emetteur_chauffage_collection/emetteur_chauffage[\(k + 1)]") ?? emitterId }).count > 1 {
                note("emitters", path: "heating.systems[].emitter", "an installation with several kinds of emitter: the first one's kind and efficiencies", "une installation à plusieurs types d'émetteurs : le type et les rendements du premier")
            }
            let emission = try number(emitterNode, "donnee_intermediaire/rendement_emission", in: 0.3...1, where: emitterPlace)
            let distribution = try number(emitterNode, "donnee_intermediaire/rendement_distribution", in: 0.3...1, where: emitterPlace)
            let regulation = try number(emitterNode, "donnee_intermediaire/rendement_regulation", in: 0.3...1, where: emitterPlace)
            // 3CL §8: INT = I0 / (1 + 0.1·(G − 1)), G = GV / (Sh·hsp) the envelope's loss per m³.
            var intermittence: Double?
            if let i0 = try number(emitterNode, "donnee_intermediaire/i0", in: 0.3...1, where: emitterPlace) {
                let g = volumeGV.map { max(0, $0) } ?? 1
                intermittence = round(max(0.3, min(1, i0 / (1 + 0.1 * (g - 1)))), 4)
            }
            let generatorNodes = installation.child("generateur_chauffage_collection")?.all("generateur_chauffage") ?? []
            guard !generatorNodes.isEmpty else {
                throw fail(installation, place + "/generateur_chauffage_collection", "missing: the installation has no generator")
            }
            let installationConsumption = try number(installation, "donnee_intermediaire/conso_ch", in: 0...1e9, unit: "kWh", where: place)
            for (j, node) in generatorNodes.enumerated() {
                let here = place + "/generateur_chauffage_collection/generateur_chauffage[\(j + 1)]"
                guard let typeId = try integer(node, "donnee_entree/enum_type_generateur_ch_id", where: here) else {
                    throw fail(node, here + "/donnee_entree/enum_type_generateur_ch_id", "missing: the generator's type", expected: "1…171 (type_generateur_ch)")
                }
                guard let energyId = try integer(node, "donnee_entree/enum_type_energie_id", where: here), let energy = DPEEnums.energy(energyId) else {
                    throw fail(node.at("donnee_entree/enum_type_energie_id"), here + "/donnee_entree/enum_type_energie_id", value: node.string("donnee_entree/enum_type_energie_id"),
                               "missing, or an energy Foyer has no prices or factors for (other fossil fuel, cooling network)", expected: "1…13 (type_energie)")
                }
                let description = node.string("donnee_entree/description").map { String($0.prefix(80)) }
                guard let type = DPEEnums.heatingGenerator(typeId, energy: energy) else {
                    throw fail(node.at("donnee_entree/enum_type_generateur_ch_id"), here + "/donnee_entree/enum_type_generateur_ch_id", value: "\(typeId)\(description.map { " (\($0))" } ?? "")",
                               "a heating generator Foyer has no model for: ground- or water-source heat pumps, warm-air generators, gas radiators, electric or coal boilers and \"other\" systems are not imported",
                               expected: "air-source heat pumps, boilers (gas, oil, wood, pellets), stoves, electric heaters, district heating (type_generateur_ch.csv)")
                }
                if let partial = DPEEnums.heatingGeneratorIsPartial(typeId) {
                    note("partial-\(typeId)", path: "heating.systems[].type", "\(partial): \(type.rawValue), the nearest Foyer type", "\(partial) : \(type.rawValue), le type de Foyer le plus proche")
                }
                var system = HeatingSystemSpec()
                system.id = "ch-\(i + 1)-\(j + 1)"
                system.description = description
                system.type = type
                system.fuel = energy
                system.emitter = emitter
                system.emissionEfficiency = emission
                system.distributionEfficiency = distribution
                system.regulationEfficiency = regulation
                system.intermittenceFactor = intermittence
                let generation: Double
                if type.isHeatPump {
                    let scop = try number(node, "donnee_intermediaire/scop", in: 1...8, where: here)
                    system.copNominal = scop.map { round(Reader.ratedCOP(seasonal: $0, emitter: emitter), 3) }
                    generation = scop ?? 3
                    note("scop", path: "heating.systems[].cop_nominal", "a heat pump: the DPE gives its seasonal COP (SCOP); Foyer's model takes the rated COP at A7/W35, found by inverting Foyer's own Carnot model at a representative 5 °C outdoors with the emitter's weather-compensated flow", "une pompe à chaleur : le DPE donne son COP saisonnier (SCOP) ; le modèle de Foyer prend le COP nominal à A7/W35, obtenu en inversant son propre modèle de Carnot à 5 °C extérieurs avec la température de départ de l'émetteur")
                } else if let rg = try number(node, "donnee_intermediaire/rendement_generation", in: 0.3...1.1, where: here) {
                    system.generationEfficiency = round(rg, 4)
                    generation = rg
                } else {
                    generation = 0.85
                    note("rg", path: "heating.systems[].generation_efficiency", "a generator without its generation efficiency in the file: Foyer's 3CL default for its type", "un générateur sans rendement de génération dans le fichier : la valeur 3CL par défaut de Foyer pour son type")
                }
                if let power = try number(node, "donnee_intermediaire/pn", in: 0...10_000_000, unit: "W", where: here), power > 0, type.isHeatPump {
                    system.maxPowerW = power
                }
                // The heat each generator delivers: what it burns (or draws) times its chain.
                let consumption = try number(node, "donnee_intermediaire/conso_ch", in: 0...1e9, unit: "kWh", where: here)
                    ?? (installationConsumption ?? 1) / Double(generatorNodes.count)
                weights.append(consumption * generation * (emission ?? 1) * (distribution ?? 1) * (regulation ?? 1))
                let usage = try integer(node, "donnee_entree/enum_usage_generateur_id", where: here)
                generators.append((node.string("donnee_entree/reference"), system.id ?? "", type, typeId, energy, usage == 3))
                systems.append(system)
            }
        }
        if systems.count > 1 {
            let total = weights.reduce(0, +)
            if total > 0 {
                var shares = weights.map { round($0 / total, 4) }
                // The shares must add up to 1: the rounding remainder goes to the largest.
                if let largest = shares.indices.max(by: { shares[$0] < shares[$1] }) {
                    shares[largest] = round(1 - (shares.reduce(0, +) - shares[largest]), 4)
                }
                for index in systems.indices { systems[index].share = shares[index] }
                note("shares", path: "heating.systems[].share", "several heat generators: each one's share of the need is its DPE consumption times its efficiencies, over the sum", "plusieurs générateurs de chaleur : la part du besoin de chacun est sa consommation DPE multipliée par ses rendements, rapportée à la somme")
            }
        }
        var spec = HeatingSpec()
        spec.systems = systems
        return Heating(spec: spec, generators: generators)
    }

    /// The rated COP (A7/W35) that gives a seasonal COP `seasonal` in Foyer's heat-pump model
    /// (``CarnotHeatPump``): the COP scales with the Carnot COP, so rated = seasonal × Carnot(A7/W35)
    /// ÷ Carnot at a representative heating hour — 5 °C outdoors (about the heat-weighted mean of a
    /// French heating season), the emitter's weather-compensated flow at that hour for a −7 °C
    /// design day. Bounded to Foyer's 1…8.
    static func ratedCOP(seasonal: Double, emitter: EmitterType) -> Double {
        let design = SystemDefaults.designFlow(emitter)
        let flow = CarnotHeatPump.flowTemperatureC(outdoorC: 5, designFlowC: design.temperatureC, designOutdoorC: -7, exponent: design.exponent)
        let ratio = CarnotHeatPump.carnotCOP(sourceC: 7, sinkC: 35) / CarnotHeatPump.carnotCOP(sourceC: 5, sinkC: flow)
        return max(1, min(8, seasonal * ratio))
    }

    mutating func readHotWater(_ logement: XMLElementNode, heating: Heating) throws(InputError) -> HotWaterSpec {
        let installations = logement.child("installation_ecs_collection")?.all("installation_ecs") ?? []
        var spec = HotWaterSpec()
        guard let installation = installations.first else {
            note("no-dhw", path: "hot_water", "no hot-water installation in the DPE", "pas d'installation d'eau chaude dans le DPE")
            return spec
        }
        let place = "logement/installation_ecs_collection/installation_ecs[1]"
        try installationType(installation, place: place, what: "hot-water")
        let generators = installation.child("generateur_ecs_collection")?.all("generateur_ecs") ?? []
        guard let node = generators.first else {
            throw fail(installation, place + "/generateur_ecs_collection", "missing: the installation has no generator")
        }
        if installations.count > 1 || generators.count > 1 {
            note("dhw-several", path: "hot_water.systems", "several hot-water generators: Foyer models the first one, for the whole need", "plusieurs générateurs d'eau chaude : Foyer modélise le premier, pour tout le besoin")
        }
        let here = place + "/generateur_ecs_collection/generateur_ecs[1]"
        guard let typeId = try integer(node, "donnee_entree/enum_type_generateur_ecs_id", where: here) else {
            throw fail(node, here + "/donnee_entree/enum_type_generateur_ecs_id", "missing: the generator's type", expected: "1…134 (type_generateur_ecs)")
        }
        let energyId = try integer(node, "donnee_entree/enum_type_energie_id", where: here)
        let energy = energyId.flatMap(DPEEnums.energy)
        let usage = try integer(node, "donnee_entree/enum_usage_generateur_id", where: here)
        let storageType = try integer(node, "donnee_entree/enum_type_stockage_ecs_id", where: here)
        let description = node.string("donnee_entree/description").map { String($0.prefix(80)) }
        var system = HotWaterSystemSpec()
        system.id = "ecs-1"
        system.description = description
        system.fuel = energy
        let refuse = fail(node.at("donnee_entree/enum_type_generateur_ecs_id"), here + "/donnee_entree/enum_type_generateur_ecs_id", value: "\(typeId)\(description.map { " (\($0))" } ?? "")",
                          "a hot-water generator Foyer has no model for (a wood, oil or coal water heater, or an \"other\" system)",
                          expected: "electric or heat-pump water heaters, gas water heaters, a generator shared with the heating (type_generateur_ecs.csv)")
        switch DPEEnums.hotWaterGenerator(typeId, usage: usage) {
        case let .type(type): system.type = type
        case .gasByStorage: system.type = storageType == 1 ? .gasInstantaneous : .gasStorage
        case .unsupported: throw refuse
        case .combined:
            // The heating generator it shares: named by reference_generateur_mixte, else the
            // combined one of the same 3CL label, else one of the same energy.
            let named = node.string("donnee_entree/reference_generateur_mixte")
            let match = heating.generators.first { named != nil && $0.reference == named }
                ?? heating.generators.first { $0.combined && $0.energy == energy }
                ?? heating.generators.first { $0.energy == energy && !$0.type.isHeatPump || $0.energy == energy }
            guard let match else {
                throw fail(node, here + "/donnee_entree/reference_generateur_mixte", value: named,
                           "a hot-water generator shared with a heating generator that the DPE does not hold (a collective plant?)",
                           expected: "the reference of one of the dwelling's heating generators")
            }
            if named == nil || match.reference != named {
                note("dhw-link", path: "hot_water.systems[].heating_system", "the heating generator that also makes the hot water is not named: the one of the same energy", "le générateur de chauffage qui produit aussi l'eau chaude n'est pas nommé : celui de même énergie")
            }
            system.type = .fromHeatingSystem
            system.heatingSystem = match.id
        }
        if let volume = try number(node, "donnee_entree/volume_stockage", in: 0...3_000, unit: "L", where: here), volume > 0 {
            system.storageVolumeL = volume
        }
        // The whole chain as 3CL computed it: generation (× storage) × distribution.
        let distribution = try number(installation, "donnee_intermediaire/rendement_distribution", in: 0.3...1, where: place) ?? 1
        if system.type == .heatPumpWaterHeater {
            if let cop = try number(node, "donnee_intermediaire/cop", in: 1...8, where: here) { system.copNominal = round(cop, 3) }
        } else if system.type == .fromHeatingSystem, heating.generators.first(where: { $0.id == system.heatingSystem })?.type.isHeatPump == true {
            note("dhw-hp", path: "hot_water.systems[].efficiency", "hot water from a heat pump: Foyer's 3CL COP of a double-service heat pump (2.3)", "eau chaude par la pompe à chaleur : le COP 3CL d'une pompe à chaleur double service dans Foyer (2,3)")
        } else if let combined = try number(node, "donnee_intermediaire/rendement_generation_stockage", in: 0.05...1.1, where: here) {
            system.efficiency = round(min(1.1, combined * distribution), 4)
        } else if let generation = try number(node, "donnee_intermediaire/rendement_generation", in: 0.05...1.1, where: here) {
            let storage = try number(node, "donnee_intermediaire/rendement_stockage", in: 0.05...1.1, where: here) ?? 1
            system.efficiency = round(max(0.05, min(1.1, generation * storage * distribution)), 4)
        } else {
            note("dhw-eff", path: "hot_water.systems[].efficiency", "a hot-water generator without its efficiency in the file: Foyer's 3CL model of its type", "un générateur d'eau chaude sans rendement dans le fichier : le modèle 3CL de Foyer pour son type")
        }
        // Solar: configuration 2 ("avec solaire"), or a solar coverage the DPE counted (some
        // engines file a solar installation under configuration 3 with its fecs).
        let fraction = try number(installation, "donnee_intermediaire/fecs", in: 0...1, where: place)
        if try integer(installation, "donnee_entree/enum_cfg_installation_ecs_id", where: place) == 2 || (fraction ?? 0) > 0 {
            if system.type == .fromHeatingSystem {
                note("solar-combined", path: "hot_water.systems[]", "solar hot water with a boiler as back-up: Foyer holds one of the two, the boiler; the solar share is left out", "eau chaude solaire avec appoint par la chaudière : Foyer n'en garde qu'un, la chaudière ; la part solaire est laissée de côté")
            } else {
                system.type = .solarWithBackup
                system.solarFraction = fraction.map { round($0, 3) }
            }
        }
        spec.systems = [system]
        return spec
    }
}
