import Foundation
import Testing
@testable import FoyerDPEImport
import FoyerCore
import FoyerModel
import FoyerEnergy

/// A small house DPE written for the tests: the shape of the ADEME exchange file with only the
/// elements the importer reads. Each `{{key}}` can be replaced to make a hostile variant.
enum SmallHouseDPE {
    static let template = """
    <?xml version="1.0" encoding="UTF-8"?>
    <dpe version="2">
      <numero_dpe>TEST0000001X</numero_dpe>
      <administratif><date_etablissement_dpe>2023-03-01</date_etablissement_dpe></administratif>
      <logement>
        <caracteristique_generale>
          <annee_construction>1965</annee_construction>
          <enum_periode_construction_id>2</enum_periode_construction_id>
          <enum_methode_application_dpe_log_id>{{method}}</enum_methode_application_dpe_log_id>
          <surface_habitable_logement>{{area}}</surface_habitable_logement>
          <nombre_niveau_logement>1</nombre_niveau_logement>
          <hsp>2.5</hsp>
        </caracteristique_generale>
        <meteo><enum_zone_climatique_id>1</enum_zone_climatique_id><enum_classe_altitude_id>1</enum_classe_altitude_id></meteo>
        <enveloppe>
          <inertie><enum_classe_inertie_id>3</enum_classe_inertie_id></inertie>
          <mur_collection>
            <mur>
              <donnee_entree><description>Mur sud</description><enum_type_adjacence_id>1</enum_type_adjacence_id><enum_orientation_id>1</enum_orientation_id><surface_paroi_opaque>{{wall_area}}</surface_paroi_opaque><reference>M1</reference></donnee_entree>
              <donnee_intermediaire><b>1</b><umur>{{umur}}</umur></donnee_intermediaire>
            </mur>
            <mur>
              <donnee_entree><description>Mur sans orientation</description><enum_type_adjacence_id>1</enum_type_adjacence_id><surface_paroi_opaque>40</surface_paroi_opaque></donnee_entree>
              <donnee_intermediaire><b>1</b><umur>2.0</umur></donnee_intermediaire>
            </mur>
            <mur>
              <donnee_entree><description>Mur sur garage</description><enum_type_adjacence_id>8</enum_type_adjacence_id><surface_paroi_opaque>10</surface_paroi_opaque></donnee_entree>
              <donnee_intermediaire><b>0.6</b><umur>2.0</umur></donnee_intermediaire>
            </mur>
          </mur_collection>
          <plancher_bas_collection>
            <plancher_bas>
              <donnee_entree><enum_type_adjacence_id>3</enum_type_adjacence_id><surface_paroi_opaque>80</surface_paroi_opaque></donnee_entree>
              <donnee_intermediaire><b>1</b><upb>2.0</upb><upb_final>0.45</upb_final></donnee_intermediaire>
            </plancher_bas>
          </plancher_bas_collection>
          <plancher_haut_collection>
            <plancher_haut>
              <donnee_entree><enum_type_adjacence_id>11</enum_type_adjacence_id><surface_paroi_opaque>80</surface_paroi_opaque></donnee_entree>
              <donnee_intermediaire><b>0.95</b><uph>0.3</uph></donnee_intermediaire>
            </plancher_haut>
          </plancher_haut_collection>
          <baie_vitree_collection>
            <baie_vitree>
              <donnee_entree><enum_type_adjacence_id>1</enum_type_adjacence_id><surface_totale_baie>{{window_area}}</surface_totale_baie><enum_inclinaison_vitrage_id>3</enum_inclinaison_vitrage_id><enum_orientation_id>1</enum_orientation_id></donnee_entree>
              <donnee_intermediaire><b>1</b><uw>2.9</uw><ujn>2.6</ujn><u_menuiserie>2.6</u_menuiserie><sw>0.45</sw><fe1>0.8</fe1><fe2>1</fe2></donnee_intermediaire>
            </baie_vitree>
            <baie_vitree>
              <donnee_entree><enum_type_adjacence_id>1</enum_type_adjacence_id><surface_totale_baie>4</surface_totale_baie></donnee_entree>
              <donnee_intermediaire><b>1</b><uw>2.9</uw><u_menuiserie>2.9</u_menuiserie><sw>0.45</sw></donnee_intermediaire>
            </baie_vitree>
          </baie_vitree_collection>
          <porte_collection>
            <porte>
              <donnee_entree><enum_type_adjacence_id>1</enum_type_adjacence_id><surface_porte>2</surface_porte><reference_paroi>M1</reference_paroi></donnee_entree>
              <donnee_intermediaire><b>1</b><uporte>3.5</uporte></donnee_intermediaire>
            </porte>
            <porte>
              <donnee_entree><enum_type_adjacence_id>8</enum_type_adjacence_id><surface_porte>2</surface_porte></donnee_entree>
              <donnee_intermediaire><b>0.6</b><uporte>4.5</uporte></donnee_intermediaire>
            </porte>
          </porte_collection>
          <pont_thermique_collection>
            <pont_thermique>
              <donnee_entree><l>{{bridge_length}}</l><pourcentage_valeur_pont_thermique>0.5</pourcentage_valeur_pont_thermique></donnee_entree>
              <donnee_intermediaire><k>0.4</k></donnee_intermediaire>
            </pont_thermique>
          </pont_thermique_collection>
        </enveloppe>
        <ventilation_collection>
          <ventilation>
            <donnee_entree><enum_type_ventilation_id>{{ventilation}}</enum_type_ventilation_id></donnee_entree>
            <donnee_intermediaire><hvent>{{hvent}}</hvent><hperm>34</hperm><pvent_moy>35</pvent_moy></donnee_intermediaire>
          </ventilation>
        </ventilation_collection>
        <installation_ecs_collection>
          <installation_ecs>
            <donnee_entree><enum_type_installation_id>1</enum_type_installation_id><enum_cfg_installation_ecs_id>1</enum_cfg_installation_ecs_id></donnee_entree>
            <donnee_intermediaire><rendement_distribution>0.9</rendement_distribution></donnee_intermediaire>
            <generateur_ecs_collection>
              <generateur_ecs>
                <donnee_entree><enum_type_generateur_ecs_id>{{dhw_generator}}</enum_type_generateur_ecs_id><enum_type_energie_id>2</enum_type_energie_id><enum_usage_generateur_id>3</enum_usage_generateur_id><volume_stockage>0</volume_stockage></donnee_entree>
                <donnee_intermediaire><rendement_generation>0.8</rendement_generation></donnee_intermediaire>
              </generateur_ecs>
            </generateur_ecs_collection>
          </installation_ecs>
        </installation_ecs_collection>
        <installation_chauffage_collection>
          <installation_chauffage>
            <donnee_entree><enum_type_installation_id>{{installation}}</enum_type_installation_id></donnee_entree>
            <donnee_intermediaire><conso_ch>15000</conso_ch></donnee_intermediaire>
            <emetteur_chauffage_collection>
              <emetteur_chauffage>
                <donnee_entree><enum_type_emission_distribution_id>30</enum_type_emission_distribution_id></donnee_entree>
                <donnee_intermediaire><rendement_emission>0.95</rendement_emission><rendement_distribution>0.92</rendement_distribution><rendement_regulation>0.95</rendement_regulation></donnee_intermediaire>
              </emetteur_chauffage>
            </emetteur_chauffage_collection>
            <generateur_chauffage_collection>
              <generateur_chauffage>
                <donnee_entree><description>Chaudière gaz standard</description><enum_type_generateur_ch_id>{{generator}}</enum_type_generateur_ch_id><enum_type_energie_id>2</enum_type_energie_id><enum_usage_generateur_id>3</enum_usage_generateur_id><reference>G1</reference></donnee_entree>
                <donnee_intermediaire><rendement_generation>0.82</rendement_generation><conso_ch>15000</conso_ch></donnee_intermediaire>
              </generateur_chauffage>
            </generateur_chauffage_collection>
          </installation_chauffage>
        </installation_chauffage_collection>
        <sortie>
          <apport_et_besoin><nadeq>2</nadeq><v40_ecs_journalier>112</v40_ecs_journalier><besoin_ch>12000</besoin_ch></apport_et_besoin>
          <ep_conso><ep_conso_5_usages_m2>250</ep_conso_5_usages_m2><classe_bilan_dpe>E</classe_bilan_dpe></ep_conso>
          <emission_ges><emission_ges_5_usages_m2>50</emission_ges_5_usages_m2><classe_emission_ges>E</classe_emission_ges></emission_ges>
        </sortie>
      </logement>
    </dpe>
    """

    static let defaults = [
        "method": "1", "area": "80", "wall_area": "60", "umur": "2.5", "window_area": "12", "bridge_length": "30",
        "ventilation": "1", "hvent": "68", "dhw_generator": "48", "installation": "1", "generator": "86",
    ]

    static func document(_ changes: [String: String] = [:]) -> Data {
        var text = template
        for (key, value) in defaults.merging(changes, uniquingKeysWith: { $1 }) { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return Data(text.utf8)
    }
}

@Suite("Importing official DPEs")
struct DPEImporterTests {
    @Test func theSmallHouseImportsElementByElement() throws {
        let imported = try DPEImporter.importDocument(SmallHouseDPE.document(), file: "small.xml")
        let spec = imported.dwelling
        #expect(spec.geometry?.floorAreaM2 == 80)
        #expect(spec.geometry?.dwellingType == .detachedHouse)
        #expect(spec.location?.climateZone == "H1a")
        let walls = spec.envelope?.walls ?? []
        // The wall without orientation is split into four parts of 10 m² each, N, E, S, W.
        #expect(walls.count == 6)
        #expect(walls.filter { $0.id?.hasPrefix("mur-2-") == true }.map(\.azimuthDeg) == [0, 90, 180, 270])
        #expect(walls.filter { $0.id?.hasPrefix("mur-2-") == true }.allSatisfy { $0.areaM2 == 10 })
        #expect(walls.first { $0.id == "mur-3" }?.boundary == .unheatedSpace)
        #expect(walls.first { $0.id == "mur-3" }?.adjustmentFactorB == 0.6)
        // Medium inertia: 165 000 J/(m²·K) of floor over the 270 m² of opaque walls, floors and ceilings.
        let kappa: Double = (165_000.0 * 80.0 / 270.0).rounded()
        let given: Double = walls.first?.arealHeatCapacityJPerM2K ?? 0
        #expect(abs(given - kappa) < 1)
        // Floor over a crawl space: 3CL's Ue (upb_final), not the construction's U.
        #expect(spec.envelope?.floors?.first?.uValueWPerM2K == 0.45)
        // Window: Ujn, g = Sw × fe1 × fe2, no frame share; the unoriented one split in four.
        let windows = spec.envelope?.windows ?? []
        #expect(windows.first?.uValueWPerM2K == 2.6)
        #expect(windows.first?.gValue == 0.36)
        #expect(windows.first?.frameFraction == 0)
        #expect(windows.count == 5)
        // The outside door takes its host wall's azimuth; the door to the garage at U 4.5
        // (above 1/(0.13 + 0.13)) keeps its b·U: 0.6 × 4.5 = 2.7 W/(m²·K).
        let doors = spec.envelope?.doors ?? []
        #expect(doors.first?.azimuthDeg == 180)
        let garageDoor = try #require(doors.last)
        #expect(abs((garageDoor.uValueWPerM2K ?? 0) * (garageDoor.adjustmentFactorB ?? 0) - 2.7) < 0.01)
        #expect((garageDoor.uValueWPerM2K ?? 9) < 1 / 0.26)
        // Thermal bridge: ψ = k × share.
        #expect(spec.thermalBridges?.linear?.first?.psiWPerMK == 0.2)
        // Natural ventilation: (hvent + hperm) / (0.34 V), V = 80 × 2.5.
        #expect(spec.ventilation?.airChangePerH == 1.5)
        #expect(spec.ventilation?.infiltrationPerH == 0.5)
        // Heating: the four 3CL efficiencies one to one; DHW from that boiler, its chain 0.8 × 0.9.
        let heater = try #require(spec.heating?.systems?.first)
        #expect(heater.type == .gasBoilerStandard)
        #expect(heater.generationEfficiency == 0.82 && heater.distributionEfficiency == 0.92 && heater.emissionEfficiency == 0.95 && heater.regulationEfficiency == 0.95)
        #expect(heater.emitter == .radiatorsHighTemperature)
        let water = try #require(spec.hotWater?.systems?.first)
        #expect(water.type == .fromHeatingSystem && water.heatingSystem == heater.id && water.efficiency == 0.72)
        // Conventional occupancy: 2 adult equivalents, 112 L at 40 °C, gains 3.52 × 80 + 132/168 × 2 × 90.
        #expect(spec.occupancy?.occupants == 2)
        #expect(spec.hotWater?.litresPerPersonPerDay == 56)
        #expect(abs((spec.occupancy?.internalGainsW ?? 0) - (3.52 * 80 + 132.0 / 168 * 180)) < 0.1)
        // Every rule said.
        let paths = imported.approximations.map(\.path)
        #expect(paths.contains("envelope.walls") && paths.contains("envelope.windows") && paths.contains("envelope.doors[].u_value_w_per_m2k"))
        #expect(imported.official.primaryKWhPerM2 == 250 && imported.official.energyClass == "E")
        #expect(imported.official.diagnosedOn == CivilDate(2023, 3, 1))
    }

    @Test func theSameFileGivesTheSameDwelling() throws {
        let first = try DPEImporter.importDocument(SmallHouseDPE.document(), file: "small.xml")
        let second = try DPEImporter.importDocument(SmallHouseDPE.document(), file: "small.xml")
        #expect(first.dwelling == second.dwelling && first.approximations == second.approximations)
    }

    /// Hostile or impossible numbers are refused with the file, the XML path and line, the
    /// value and what is allowed — never imported silently, never a crash.
    @Test(arguments: [
        ("umur", "NaN", "umur"), ("umur", "nan", "umur"), ("umur", "inf", "umur"), ("umur", "-Infinity", "umur"),
        ("umur", "1e308", "umur"), ("umur", "-2.5", "umur"), ("umur", "2,5", "umur"), ("umur", "", "umur"),
        ("area", "NaN", "surface_habitable_logement"), ("area", "-80", "surface_habitable_logement"), ("area", "1e308", "surface_habitable_logement"),
        ("wall_area", "-60", "surface_paroi_opaque"), ("wall_area", "Infinity", "surface_paroi_opaque"),
        ("window_area", "1e308", "surface_totale_baie"), ("bridge_length", "-3", "/l"), ("hvent", "NaN", "hvent"),
        ("hvent", "-1", "hvent"), ("method", "2.5", "enum_methode_application_dpe_log_id"),
    ])
    func hostileNumbers(key: String, value: String, fragment: String) {
        do {
            _ = try DPEImporter.importDocument(SmallHouseDPE.document([key: value]), file: "hostile.xml")
            Issue.record("accepted \(key) = \(value)")
        } catch {
            let text = error.description
            #expect(error.issues.first?.file == "hostile.xml")
            #expect(text.contains(fragment), "\(text)")
            #expect(text.contains("line") && text.contains("allowed"), "\(text)")
        }
    }

    /// What cannot be imported honestly is refused, naming the part.
    @Test(arguments: [
        (["method": "5"], "whole building"),
        (["method": "31"], "collective"),
        (["installation": "2"], "collective heating installation"),
        (["generator": "10"], "no model for"),
        (["generator": "106"], "no model for"),
        (["dhw_generator": "80"], "hot-water generator Foyer has no model for"),
        (["ventilation": "99"], "ventilation type"),
    ])
    func refusals(changes: [String: String], fragment: String) {
        do {
            _ = try DPEImporter.importDocument(SmallHouseDPE.document(changes), file: "refused.xml")
            Issue.record("accepted \(changes)")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.description.contains("logement/"), "\(error.description)")
        }
    }

    @Test func notADPEIsRefused() {
        #expect(throws: InputError.self) { try DPEImporter.importDocument(Data("<facture><total>3</total></facture>".utf8), file: "bill.xml") }
        #expect(throws: InputError.self) { try DPEImporter.importDocument(Data("<dpe></dpe>".utf8), file: "empty.xml") }
        #expect(throws: InputError.self) { try DPEImporter.importDocument(Data(), file: "nothing.xml") }
    }

    /// A file above the 8 MB limit is refused before it is read.
    @Test func aHugeFileIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-huge-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        var data = Data("<dpe>".utf8)
        data.append(Data(repeating: 0x20, count: 9 << 20))
        data.append(Data("</dpe>".utf8))
        try data.write(to: url)
        #expect(throws: InputError.self) { try DPEImporter.importFile(url.path) }
    }
}
