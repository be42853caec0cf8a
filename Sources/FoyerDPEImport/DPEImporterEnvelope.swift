import FoyerCore
import FoyerModel

/// The envelope of a DPE: walls (`mur`), floors (`plancher_bas`), ceilings and roofs
/// (`plancher_haut`), windows (`baie_vitree`), doors (`porte`) and thermal bridges
/// (`pont_thermique`). Areas from `donnee_entree`, U-values and b factors from
/// `donnee_intermediaire`: the 3CL loss of each element is b·U·A (arrêté du 31 mars 2021,
/// annexe 1 §3; Open3CL `src/3_deperdition.js`), and the element keeps those three numbers.
extension Reader {
    /// The far side of an opaque element in Foyer's terms, with the b factor to use.
    mutating func boundary(_ node: XMLElementNode, place: String, kind: String) throws(InputError) -> (Boundary, Double?) {
        guard let id = try integer(node, "donnee_entree/enum_type_adjacence_id", where: place) else {
            throw fail(node, place + "/donnee_entree/enum_type_adjacence_id", "missing: what the element faces", expected: "1…22 (type_adjacence)")
        }
        guard let adjacency = DPEEnums.adjacency(id) else {
            throw fail(node.at("donnee_entree/enum_type_adjacence_id"), place + "/donnee_entree/enum_type_adjacence_id", value: String(id), "unknown adjacency", expected: "1…22 (type_adjacence)")
        }
        let b = try number(node, "donnee_intermediaire/b", in: 0...1, where: place)
        switch adjacency {
        case .outdoor: return (.outdoor, nil)
        case .buried:
            note("buried", path: "envelope.\(kind)", "an element against the soil (paroi enterrée): outdoor air without sun (outdoor_sheltered), as 3CL's b = 1", "une paroi enterrée : air extérieur sans soleil (outdoor_sheltered), comme le b = 1 de la 3CL")
            return (.outdoorSheltered, nil)
        case .ground: return (.ground, nil)
        case .heated: return (.adjacentHeated, nil)
        case .crawlSpaceOrBasement, .unheated:
            guard let b else {
                throw fail(node, place + "/donnee_intermediaire/b", "missing: the reduction factor b of the unheated space", expected: "0…1")
            }
            if b == 0 {
                note("b0", path: "envelope.\(kind)", "an element whose DPE b factor is 0 (no loss): against a heated space", "une paroi dont le b du DPE vaut 0 (pas de perte) : contre un local chauffé")
                return (.adjacentHeated, nil)
            }
            return (.unheatedSpace, round(b, 3))
        }
    }

    /// Foyer refuses an opaque U above 1/(R_si + R_se) (EN ISO 6946: no construction has a
    /// negative resistance), yet 3CL tables hold a few (an uninsulated door toward an unheated
    /// space at 4.0–4.5 W/(m²·K) against a limit of 3.85). Such an element keeps its DPE loss
    /// b·U·A: U is held just below the limit and b raised to match (at most 1).
    mutating func physicalU(_ element: inout OpaqueElementSpec, kind: String) {
        guard let u = element.uValueWPerM2K else { return }
        let tilt = element.tiltDeg ?? 90
        let inside = tilt < 60 ? 0.10 : tilt > 120 ? 0.17 : 0.13
        let outside = element.boundary == .outdoor ? 0.04 : inside
        let limit = 0.99 / (inside + outside)
        guard u > limit else { return }
        element.uValueWPerM2K = round(limit, 3)
        if element.boundary == .unheatedSpace, let b = element.adjustmentFactorB {
            element.adjustmentFactorB = round(min(1, b * u / limit), 3)
        }
        note("u-limit-\(kind)", path: "envelope.\(kind)[].u_value_w_per_m2k", "a DPE U above the physical limit 1/(Rsi + Rse) (\(short(u)) W/(m²·K)): held at \(short(round(limit, 3))), with b raised to keep the DPE's loss where there is one", "un U du DPE au-delà de la limite physique 1/(Rsi + Rse) (\(short(u)) W/(m²·K)) : ramené à \(short(round(limit, 3))), le b relevé pour garder la perte du DPE quand il y en a un")
    }

    /// Azimuth of the element's outside face from `enum_orientation_id`; `nil` when absent or
    /// horizontal (the caller decides).
    func orientation(_ node: XMLElementNode, place: String) throws(InputError) -> (azimuth: Double?, horizontal: Bool) {
        guard let id = try integer(node, "donnee_entree/enum_orientation_id", where: place) else { return (nil, false) }
        if id == 5 { return (nil, true) }
        guard let azimuth = DPEEnums.azimuthDeg(id) else {
            throw fail(node.at("donnee_entree/enum_orientation_id"), place + "/donnee_entree/enum_orientation_id", value: String(id), "unknown orientation", expected: "1 south, 2 north, 3 east, 4 west, 5 horizontal")
        }
        return (azimuth, false)
    }

    /// An element facing outdoor air with no orientation is split into four equal parts facing
    /// north, east, south and west — the stated rule for a missing orientation.
    mutating func splitByOrientation<Element>(_ element: Element, area: Double, path: String, set: (inout Element, Double, Double, String) -> Void) -> [Element] {
        note("orientation-\(path)", path: path, "no orientation given: the element is split into four equal parts facing north, east, south and west", "orientation absente : la paroi est partagée en quatre parts égales au nord, à l'est, au sud et à l'ouest")
        return [(0.0, "N"), (90, "E"), (180, "S"), (270, "W")].map { azimuth, suffix in
            var part = element
            set(&part, round(area / 4, 3), azimuth, suffix)
            return part
        }
    }

    mutating func readWalls(_ enveloppe: XMLElementNode) throws(InputError) -> (elements: [OpaqueElementSpec], azimuthByReference: [String: Double]) {
        var walls: [OpaqueElementSpec] = []
        var azimuths: [String: Double] = [:]
        for (index, node) in enveloppe.child("mur_collection")?.all("mur").enumerated() ?? [].enumerated() {
            let place = "logement/enveloppe/mur_collection/mur[\(index + 1)]"
            let area = try required(node, "donnee_entree/surface_paroi_opaque", in: 0...100_000, unit: "m²", where: place)
            if area == 0 { continue }
            let u = try required(node, "donnee_intermediaire/umur", in: 0.01...10, unit: "W/(m²·K)", where: place)
            var wall = OpaqueElementSpec()
            wall.id = "mur-\(index + 1)"
            wall.description = label(node)
            wall.areaM2 = area
            wall.uValueWPerM2K = u
            wall.tiltDeg = 90
            (wall.boundary, wall.adjustmentFactorB) = try boundary(node, place: place, kind: "walls")
            let facing = try orientation(node, place: place)
            wall.azimuthDeg = facing.azimuth
            if let reference = node.string("donnee_entree/reference"), let azimuth = facing.azimuth { azimuths[reference] = azimuth }
            physicalU(&wall, kind: "walls")
            if wall.boundary == .outdoor, facing.azimuth == nil {
                walls += splitByOrientation(wall, area: area, path: "envelope.walls") { part, area, azimuth, suffix in
                    part.areaM2 = area
                    part.azimuthDeg = azimuth
                    part.id = "mur-\(index + 1)-\(suffix)"
                }
            } else {
                walls.append(wall)
            }
        }
        return (walls, azimuths)
    }

    mutating func readFloors(_ enveloppe: XMLElementNode) throws(InputError) -> [OpaqueElementSpec] {
        var floors: [OpaqueElementSpec] = []
        for (index, node) in enveloppe.child("plancher_bas_collection")?.all("plancher_bas").enumerated() ?? [].enumerated() {
            let place = "logement/enveloppe/plancher_bas_collection/plancher_bas[\(index + 1)]"
            let area = try required(node, "donnee_entree/surface_paroi_opaque", in: 0...100_000, unit: "m²", where: place)
            if area == 0 { continue }
            let uConstruction = try required(node, "donnee_intermediaire/upb", in: 0.01...10, unit: "W/(m²·K)", where: place)
            let uFinal = try number(node, "donnee_intermediaire/upb_final", in: 0.01...10, unit: "W/(m²·K)", where: place) ?? uConstruction
            var floor = OpaqueElementSpec()
            floor.id = "plancher-bas-\(index + 1)"
            floor.description = label(node)
            floor.areaM2 = area
            floor.tiltDeg = 180
            (floor.boundary, floor.adjustmentFactorB) = try boundary(node, place: place, kind: "floors")
            switch floor.boundary {
            case .ground?:
                // Foyer treats the soil itself (EN ISO 13370): the floor's own U and its exposed perimeter.
                floor.uValueWPerM2K = uConstruction
                if let perimeter = try number(node, "donnee_entree/perimetre_ue", in: 0.1...10_000, unit: "m", where: place) {
                    floor.exposedPerimeterM = perimeter
                } else {
                    // Without it, the perimeter of a square of the floor's area, all exposed.
                    floor.exposedPerimeterM = round(4 * area.squareRoot(), 2)
                    note("perimeter", path: "envelope.floors[].exposed_perimeter_m", "a floor on the ground without its exposed perimeter: that of a square of its area, all exposed", "un plancher sur terre-plein sans son périmètre exposé : celui d'un carré de même surface, tout entier exposé")
                }
            default:
                // Over a crawl space or an unheated basement, 3CL's Ue (upb_final) already holds
                // the space and the soil: that U, at the DPE's b.
                floor.uValueWPerM2K = round(uFinal, 4)
            }
            physicalU(&floor, kind: "floors")
            floors.append(floor)
        }
        return floors
    }

    mutating func readRoofs(_ enveloppe: XMLElementNode) throws(InputError) -> [OpaqueElementSpec] {
        var roofs: [OpaqueElementSpec] = []
        for (index, node) in enveloppe.child("plancher_haut_collection")?.all("plancher_haut").enumerated() ?? [].enumerated() {
            let place = "logement/enveloppe/plancher_haut_collection/plancher_haut[\(index + 1)]"
            let area = try required(node, "donnee_entree/surface_paroi_opaque", in: 0...100_000, unit: "m²", where: place)
            if area == 0 { continue }
            var roof = OpaqueElementSpec()
            roof.id = "plancher-haut-\(index + 1)"
            roof.description = label(node)
            roof.areaM2 = area
            roof.uValueWPerM2K = try required(node, "donnee_intermediaire/uph", in: 0.01...10, unit: "W/(m²·K)", where: place)
            roof.tiltDeg = 0
            (roof.boundary, roof.adjustmentFactorB) = try boundary(node, place: place, kind: "roofs")
            if roof.boundary == .outdoor {
                note("roof-tilt", path: "envelope.roofs[].tilt_deg", "a roof in contact with outdoor air: taken horizontal (the DPE gives no slope)", "une toiture en contact avec l'extérieur : prise horizontale (le DPE ne donne pas sa pente)")
            }
            physicalU(&roof, kind: "roofs")
            roofs.append(roof)
        }
        return roofs
    }

    mutating func readWindows(_ enveloppe: XMLElementNode) throws(InputError) -> [WindowSpec] {
        var windows: [WindowSpec] = []
        for (index, node) in enveloppe.child("baie_vitree_collection")?.all("baie_vitree").enumerated() ?? [].enumerated() {
            let place = "logement/enveloppe/baie_vitree_collection/baie_vitree[\(index + 1)]"
            let area = try required(node, "donnee_entree/surface_totale_baie", in: 0...10_000, unit: "m²", where: place)
            if area == 0 { continue }
            var window = WindowSpec()
            window.id = "baie-\(index + 1)"
            window.description = label(node)
            window.areaM2 = area
            // u_menuiserie: the U 3CL counts, with the shutter's night resistance when there is
            // one (Ujn); the shutter is therefore not modelled again.
            let uw = try number(node, "donnee_intermediaire/uw", in: 0.1...10, unit: "W/(m²·K)", where: place)
            guard let u = try number(node, "donnee_intermediaire/u_menuiserie", in: 0.1...10, unit: "W/(m²·K)", where: place) ?? uw else {
                throw fail(node, place + "/donnee_intermediaire/u_menuiserie", "missing: the window's U (u_menuiserie or uw)", expected: "0.1…10 W/(m²·K)")
            }
            window.uValueWPerM2K = u
            if let uw, u < uw - 1e-9 {
                note("ujn", path: "envelope.windows[].u_value_w_per_m2k", "windows with shutters: the DPE's day-and-night U (Ujn, shutters closed at night) is the window's U; the shutters are not modelled again", "fenêtres à volets : le U jour-nuit du DPE (Ujn, volets fermés la nuit) est le U de la fenêtre ; les volets ne sont pas modélisés une seconde fois")
            }
            // 3CL's Sw is the whole window's (frame included) and the masks fe1, fe2 multiply it
            // (§6.2): a g-value with no frame share, masks folded in.
            let sw = try required(node, "donnee_intermediaire/sw", in: 0...1, where: place)
            let fe1 = try number(node, "donnee_intermediaire/fe1", in: 0...1, where: place) ?? 1
            let fe2 = try number(node, "donnee_intermediaire/fe2", in: 0...1, where: place) ?? 1
            window.gValue = round(sw * fe1 * fe2, 4)
            window.frameFraction = 0
            if fe1 * fe2 < 1 {
                note("masks", path: "envelope.windows[].g_value", "windows shaded by masks: the DPE's mask factors (fe1 × fe2) multiply the solar factor, as 3CL does (Foyer has no mask geometry)", "fenêtres masquées : les facteurs de masque du DPE (fe1 × fe2) multiplient le facteur solaire, comme la 3CL (Foyer n'a pas la géométrie des masques)")
            }
            let tiltId = try integer(node, "donnee_entree/enum_inclinaison_vitrage_id", where: place) ?? 3
            guard var tilt = DPEEnums.windowTiltDeg(tiltId) else {
                throw fail(node.at("donnee_entree/enum_inclinaison_vitrage_id"), place + "/donnee_entree/enum_inclinaison_vitrage_id", value: String(tiltId), "unknown tilt", expected: "1 (< 25°), 2 (25–75°), 3 (> 75°), 4 (horizontal)")
            }
            let facing = try orientation(node, place: place)
            if facing.horizontal { tilt = 0 }
            window.tiltDeg = tilt
            if tilt == 12.5 || tilt == 50 {
                note("tilt", path: "envelope.windows[].tilt_deg", "roof windows: the middle of the DPE's tilt class (12.5° or 50°)", "fenêtres de toit : le milieu de la classe d'inclinaison du DPE (12,5° ou 50°)")
            }
            let (boundary, b) = try self.boundary(node, place: place, kind: "windows")
            switch boundary {
            case .outdoor: window.boundary = .outdoor
            case .unheatedSpace:
                window.boundary = .unheatedSpace
                // Foyer's b for windows is fixed at 0.8: the U is scaled so that 0.8·U' = b·U, the DPE's loss.
                if let b {
                    window.uValueWPerM2K = round(max(0.1, min(10, u * b / 0.8)), 4)
                }
                note("window-b", path: "envelope.windows[].u_value_w_per_m2k", "windows toward an unheated space (a veranda, a corridor): Foyer's b is fixed at 0.8 for windows, so their U is scaled by the DPE's b / 0.8 to keep the DPE's loss", "fenêtres donnant sur un local non chauffé (véranda, couloir) : le b des fenêtres est fixé à 0,8 dans Foyer, leur U est donc multiplié par b du DPE / 0,8 pour garder la perte du DPE")
            case .adjacentHeated: continue
            default:
                window.boundary = .outdoor
            }
            if tilt > 0, facing.azimuth == nil {
                windows += splitByOrientation(window, area: area, path: "envelope.windows") { part, area, azimuth, suffix in
                    part.areaM2 = area
                    part.azimuthDeg = azimuth
                    part.id = "baie-\(index + 1)-\(suffix)"
                }
            } else {
                window.azimuthDeg = facing.azimuth ?? 180
                windows.append(window)
            }
        }
        return windows
    }

    mutating func readDoors(_ enveloppe: XMLElementNode, wallAzimuths: [String: Double]) throws(InputError) -> [OpaqueElementSpec] {
        var doors: [OpaqueElementSpec] = []
        for (index, node) in enveloppe.child("porte_collection")?.all("porte").enumerated() ?? [].enumerated() {
            let place = "logement/enveloppe/porte_collection/porte[\(index + 1)]"
            let area = try required(node, "donnee_entree/surface_porte", in: 0...10_000, unit: "m²", where: place)
            if area == 0 { continue }
            var door = OpaqueElementSpec()
            door.id = "porte-\(index + 1)"
            door.description = label(node)
            door.areaM2 = area
            door.uValueWPerM2K = try required(node, "donnee_intermediaire/uporte", in: 0.1...10, unit: "W/(m²·K)", where: place)
            door.tiltDeg = 90
            (door.boundary, door.adjustmentFactorB) = try boundary(node, place: place, kind: "doors")
            if door.boundary == .outdoor {
                // A DPE door has no orientation: its host wall's, else north (no sun on it).
                if let host = node.string("donnee_entree/reference_paroi"), let azimuth = wallAzimuths[host] {
                    door.azimuthDeg = azimuth
                } else {
                    door.azimuthDeg = 0
                    note("door", path: "envelope.doors[].azimuth_deg", "an outside door whose host wall is not named: taken facing north (no sun on it)", "une porte extérieure sans paroi porteuse nommée : prise au nord (sans soleil)")
                }
            }
            physicalU(&door, kind: "doors")
            doors.append(door)
        }
        return doors
    }

    /// The thermal bridges, ψ = k × the share counted (`pourcentage_valeur_pont_thermique`,
    /// 0.5 for a junction shared with a neighbour; 1 when absent), 3CL §3.4. The DPE's own total
    /// (`sortie/deperdition/deperdition_pont_thermique`, W/K) is the check: some engines write
    /// a bridge's whole conductance (W/K) in `k`, and then Σ k matches that total, not Σ l·k.
    mutating func readThermalBridges(_ enveloppe: XMLElementNode, officialWPerK: Double?) throws(InputError) -> ThermalBridgesSpec {
        var bridges = ThermalBridgesSpec()
        var rows: [(length: Double, kShare: Double, description: String?, index: Int)] = []
        for (index, node) in enveloppe.child("pont_thermique_collection")?.all("pont_thermique").enumerated() ?? [].enumerated() {
            let place = "logement/enveloppe/pont_thermique_collection/pont_thermique[\(index + 1)]"
            let length = try required(node, "donnee_entree/l", in: 0...100_000, unit: "m", where: place)
            let k = try required(node, "donnee_intermediaire/k", in: -0.5...100_000, unit: "W/(m·K)", where: place)
            let share = try number(node, "donnee_entree/pourcentage_valeur_pont_thermique", in: 0...1, where: place) ?? 1
            guard length > 0, k * share != 0 else { continue }
            rows.append((length, k * share, label(node), index))
        }
        let perLength = rows.reduce(0) { $0 + $1.length * $1.kShare }
        let asTotals = rows.reduce(0) { $0 + $1.kShare }
        var kIsTotal = false
        var scale = 1.0
        if let official = officialWPerK, official > 0, perLength > 0, abs(perLength / official - 1) > 0.05 {
            if abs(asTotals / official - 1) <= 0.05 {
                kIsTotal = true
                note("k-total", path: "thermal_bridges.linear[]", "the file's k are the bridges' whole conductances (W/K), as its own total \(short(round(official, 1))) W/K shows: ψ = k / l", "les k du fichier sont les conductances totales des ponts (W/K), comme le montre son propre total \(short(round(official, 1))) W/K : ψ = k / l")
            } else {
                scale = official / perLength
                note("k-scaled", path: "thermal_bridges.linear[]", "the bridges' Σ l·k (\(short(round(perLength, 1))) W/K) differs from the DPE's own total (\(short(round(official, 1))) W/K): every ψ scaled to the DPE's total", "la somme l·k des ponts (\(short(round(perLength, 1))) W/K) diffère du total du DPE (\(short(round(official, 1))) W/K) : chaque ψ ramené au total du DPE")
            }
        }
        var linear: [LinearThermalBridgeSpec] = []
        for row in rows {
            var bridge = LinearThermalBridgeSpec()
            bridge.id = "pont-\(row.index + 1)"
            bridge.description = row.description
            let psi = kIsTotal ? row.kShare / row.length : row.kShare * scale
            if psi > 3 {
                // Above any 3CL table value (they stay below 1.5): kept as the DPE counted
                // it — ψ at Foyer's limit of 3, the length scaled.
                bridge.psiWPerMK = 3
                bridge.lengthM = round(row.length * psi / 3, 3)
                note("psi", path: "thermal_bridges.linear[]", "a thermal bridge with ψ = \(short(round(psi, 3))) W/(m·K), above any 3CL table value (an entry error?): its DPE loss kept as ψ 3 W/(m·K) over a longer length", "un pont thermique de ψ = \(short(round(psi, 3))) W/(m·K), au-delà de toute valeur des tables 3CL (erreur de saisie ?) : sa perte DPE gardée avec ψ 3 W/(m·K) sur une longueur accrue")
            } else if psi < -0.5 {
                continue
            } else {
                bridge.lengthM = row.length
                bridge.psiWPerMK = round(psi, 4)
            }
            linear.append(bridge)
        }
        bridges.linear = linear
        bridges.surchargeWPerM2K = 0
        return bridges
    }

    /// 3CL gives the ventilation and infiltration as conductances, hvent = 0.34·qvarep·Sh and
    /// hperm (W/K, §4); with ρc = 0.34 Wh/(m³·K) they are air changes of the volume Sh × hsp.
    /// A balanced unit's qvarep is already the recovery-equivalent flow, so its efficiency is 0.
    mutating func readVentilation(_ logement: XMLElementNode, volumeM3: Double) throws(InputError) -> VentilationSpec {
        let nodes = logement.child("ventilation_collection")?.all("ventilation") ?? []
        guard let node = nodes.first else {
            throw fail(logement, "logement/ventilation_collection/ventilation", "missing: the DPE's ventilation")
        }
        let place = "logement/ventilation_collection/ventilation[1]"
        if nodes.count > 1 {
            note("ventilations", path: "ventilation", "several ventilation systems: the first one's type, the air changes of all", "plusieurs systèmes de ventilation : le type du premier, les débits de tous")
        }
        guard let typeId = try integer(node, "donnee_entree/enum_type_ventilation_id", where: place), let type = DPEEnums.ventilation(typeId) else {
            throw fail(node, place + "/donnee_entree/enum_type_ventilation_id", value: node.string("donnee_entree/enum_type_ventilation_id"), "missing or unknown ventilation type", expected: "1…38 (type_ventilation)")
        }
        var hvent = 0.0, hperm = 0.0, fan = 0.0
        var anyFan = false
        for (index, item) in nodes.enumerated() {
            let here = "logement/ventilation_collection/ventilation[\(index + 1)]"
            hvent += try required(item, "donnee_intermediaire/hvent", in: 0...1e6, unit: "W/K", where: here)
            hperm += try required(item, "donnee_intermediaire/hperm", in: 0...1e6, unit: "W/K", where: here)
            if let power = try number(item, "donnee_intermediaire/pvent_moy", in: 0...2_000, unit: "W", where: here) {
                fan += power
                anyFan = true
            }
        }
        var ventilation = VentilationSpec()
        ventilation.type = type
        let toACH = 1 / (0.34 * volumeM3)
        let infiltration = min(10, hperm * toACH), mechanical = min(10, hvent * toACH)
        if type == .natural {
            ventilation.airChangePerH = round(min(20, infiltration + mechanical), 4)
            ventilation.infiltrationPerH = round(infiltration, 4)
        } else {
            ventilation.infiltrationPerH = round(infiltration, 4)
            ventilation.mechanicalAirChangePerH = round(mechanical, 4)
            if type == .balanced {
                ventilation.heatRecoveryEfficiency = 0
                note("recovery", path: "ventilation.heat_recovery_efficiency", "balanced ventilation: 3CL's conventional flow already counts the heat recovery, so the efficiency is 0 on that reduced flow", "ventilation double flux : le débit conventionnel de la 3CL compte déjà la récupération de chaleur, le rendement est donc 0 sur ce débit réduit")
            }
            if anyFan { ventilation.fanPowerW = round(fan, 1) }
        }
        if infiltration + mechanical == 10 || infiltration == 10 {
            note("ach-cap", path: "ventilation", "air changes above 10 1/h capped at 10", "renouvellements d'air au-delà de 10 vol/h plafonnés à 10")
        }
        return ventilation
    }
}
