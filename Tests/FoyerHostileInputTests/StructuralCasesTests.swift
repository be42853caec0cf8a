import Foundation
import PropertyBased
import Testing
@testable import FoyerModel
@testable import FoyerThermal
import Foyer

/// The hand-made half of the corpus: damage to a file's structure rather than to one value.
@Suite("Hostile structure: truncated, duplicated, mis-encoded, nested, huge and inconsistent files")
struct StructuralCasesTests {
    static let minimal = """
    {"schema": "foyer.dwelling/1", "name": "t", "location": {"climate_zone": "H1a"}, "geometry": {"floor_area_m2": 60},
     "envelope": {"walls": [{"id": "s", "area_m2": 40, "azimuth_deg": 180, "u_value_w_per_m2k": 1}],
                  "roofs": [{"area_m2": 60, "u_value_w_per_m2k": 0.5}], "floors": [{"area_m2": 60, "u_value_w_per_m2k": 0.5, "exposed_perimeter_m": 32}]}}
    """

    static func load(_ text: String, file: String = "t.json") -> LoadedDwelling {
        load(Data(text.utf8), file: file)
    }

    static func load(_ data: Data, file: String = "t.json") -> LoadedDwelling {
        DwellingLoader.load(data: data, file: file, library: Fixtures.library, climateZones: Fixtures.climateZones)
    }

    @Test func theMinimalDwellingIsValid() {
        let loaded = Self.load(Self.minimal)
        #expect(loaded.dwelling != nil, "\(loaded.issues)")
    }

    @Test("a file cut anywhere is refused, saying where", arguments: [10, 50, 100, 200, 300, 350])
    func truncated(at length: Int) {
        let loaded = Self.load(String(Self.minimal.prefix(length)))
        #expect(loaded.dwelling == nil)
        #expect(loaded.issues.errors.contains { $0.message.contains("line") && $0.file == "t.json" }, "\(loaded.issues)")
    }

    @Test func duplicateKeysAreReported() {
        let loaded = Self.load(Self.minimal.replacingOccurrences(of: "\"floor_area_m2\": 60", with: "\"floor_area_m2\": 60, \"floor_area_m2\": 600"))
        #expect(loaded.issues.contains { $0.path == "geometry.floor_area_m2" && $0.message.contains("twice") }, "\(loaded.issues)")
    }

    @Test("invalid UTF-8 in a string is refused", arguments: [[0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80]] as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) {
        var data = Data(Self.minimal.utf8)
        let name = Data("\"t\"".utf8)
        let range = try? #require(data.range(of: name))
        if let range { data.replaceSubrange(range, with: Data([0x22, 0x74] + bytes + [0x22])) }
        let loaded = Self.load(data)
        #expect(loaded.dwelling == nil)
        #expect(loaded.issues.errors.contains { $0.message.contains("UTF-8") }, "\(loaded.issues)")
    }

    @Test func hundredThousandLevelsOfNestingAreRefused() {
        let loaded = Self.load(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        #expect(loaded.issues.errors.first?.message.contains("nesting") == true)
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-huge-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var data = Data("{\"schema\": \"foyer.dwelling/1\", \"name\": \"".utf8)
        data.append(Data(repeating: 0x61, count: InputFileKind.dwelling.maximumBytes))
        data.append(Data("\"}".utf8))
        try data.write(to: url)
        let loaded = DwellingLoader.load(path: url.path, library: Fixtures.library, climateZones: Fixtures.climateZones)
        #expect(loaded.issues.errors.first?.message.contains("larger than 4 MB") == true, "\(loaded.issues)")
    }

    @Test func aDirectoryOrADeviceIsNotAnInputFile() {
        for path in [FileManager.default.temporaryDirectory.path, "/dev/zero"] {
            #expect(throws: InputError.self, "\(path)") { try InputFile.read(path, kind: .dwelling) }
        }
    }

    @Test("a weather file that is missing or a directory is an error at location.weather_file")
    func missingWeatherFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-wf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for weather in ["nowhere.epw", "."] {
            let text = Self.minimal.replacingOccurrences(of: "\"climate_zone\": \"H1a\"", with: "\"weather_file\": \"\(weather)\"")
            let file = folder.appendingPathComponent("house.json")
            try Data(text.utf8).write(to: file)
            let loaded = DwellingLoader.load(path: file.path, library: Fixtures.library, climateZones: Fixtures.climateZones)
            #expect(loaded.dwelling == nil)
            #expect(loaded.issues.errors.contains { $0.path == "location.weather_file" && $0.value == "\"\(weather)\"" }, "\(loaded.issues)")
        }
    }

    @Test("2 000 walls are refused before anything is built")
    func tooManyElements() {
        let walls = (0..<2000).map { "{\"id\": \"w\($0)\", \"area_m2\": 2, \"azimuth_deg\": 180, \"u_value_w_per_m2k\": 1}" }.joined(separator: ",")
        let loaded = Self.load(Self.minimal.replacingOccurrences(of: "{\"id\": \"s\", \"area_m2\": 40, \"azimuth_deg\": 180, \"u_value_w_per_m2k\": 1}", with: walls))
        #expect(loaded.issues.errors.map(\.path) == ["envelope"], "\(loaded.issues.prefix(3))")
        #expect(loaded.issues.errors.first?.value == "2002 elements")
    }

    @Test("a wrong primitive type is reported alone, not as missing or unknown siblings")
    func noCascade() {
        let loaded = Self.load(Self.minimal.replacingOccurrences(of: "\"floor_area_m2\": 60", with: "\"floor_area_m2\": 60, \"storeys\": 2.5, \"storey_height_m\": 2.5"))
        #expect(loaded.issues.errors.map(\.path) == ["geometry.storeys"], "\(loaded.issues)")
    }

    @Test("off-peak windows that overlap or fill the day, and a kVA no French contract has")
    func energySupply() {
        for (supply, path) in [("\"off_peak_hours\": [\"22:00-06:00\", \"05:00-07:00\"]", "energy_supply.off_peak_hours[1]"),
                               ("\"off_peak_hours\": [\"00:00-12:00\", \"12:00-24:00\"]", "energy_supply.off_peak_hours[1]"),
                               ("\"off_peak_hours\": [\"00:00-24:00\"]", "energy_supply.off_peak_hours[0]"),
                               ("\"subscribed_kva\": 7", "energy_supply.subscribed_kva"),
                               ("\"subscribed_kva\": 1e-300", "energy_supply.subscribed_kva")] {
            let text = Self.minimal.replacingOccurrences(of: "\"name\": \"t\",", with: "\"name\": \"t\", \"energy_supply\": {\(supply)},")
                .replacingOccurrences(of: "\"climate_zone\": \"H1a\"", with: "\"climate_zone\": \"H1a\", \"country\": \"FR\"")
            let loaded = Self.load(text)
            #expect(loaded.issues.errors.contains { $0.path == path }, "\(supply): \(loaded.issues)")
        }
    }

    @Test("contracts: unknown offer, another energy, another country, a meter that cannot bill it, the social tariff")
    func contracts() {
        var supply = EnergySupplySpec()
        supply.electricityMeter = .single
        supply.contracts = [ContractSpec(energy: .electricity, offer: "fr-edf-bleu-bsae"), ContractSpec(energy: .naturalGas, offer: "fr-edf-bleu-base"),
                            ContractSpec(energy: .electricity, offer: "be-social-electricity-single", circuit: nil),
                            ContractSpec(energy: .electricity, offer: "fr-edf-bleu-tempo")]
        let issues = Fixtures.tariffs.contractIssues(supply, country: "FR")
        #expect(issues.first { $0.path == "energy_supply.contracts[0].offer" }?.suggestion?.contains("fr-edf-bleu-base") == true, "\(issues)")
        #expect(issues.first { $0.path == "energy_supply.contracts[1].offer" }?.message.contains("sells electricity") == true)
        #expect(issues.first { $0.path == "energy_supply.contracts[2].offer" }?.message.contains("dwelling is in FR") == true)
        #expect(issues.first { $0.path == "energy_supply.contracts[3].offer" }?.message.contains("communicating meter") == true)
        var belgian = EnergySupplySpec()
        belgian.contracts = [ContractSpec(energy: .electricity, offer: "be-social-electricity-single")]
        #expect(Fixtures.tariffs.contractIssues(belgian, country: "BE").first?.message.contains("protected customers") == true)
    }

    @Test("a network built from impossible values throws, naming them, instead of trapping")
    func networkValues() {
        var network = ThermalNetwork()
        let air = network.addNode("air", capacityJPerK: -.infinity)
        let wall = network.addNode("wall", capacityJPerK: 1e6)
        network.connect(air, wall, conductanceWPerK: .nan)
        let outside = network.addBoundary("outdoor")
        network.connect(wall, boundary: outside, conductanceWPerK: -5)
        do {
            _ = try network.compile(timeStepS: 3600)
            Issue.record("compiled")
        } catch let error as ThermalNetworkError {
            guard case let .invalidValues(values) = error else { Issue.record("\(error)"); return }
            #expect(values.count == 3)
            #expect(values[0].hasPrefix("air: heat capacity"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Characters a JSON string may hold, quoted or escaped: every ASCII code (controls, quote,
    /// backslash, slash), and letters of two, three and four UTF-8 bytes.
    static let stringScalars: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init)
        + ["é", "ß", "€", "\u{2028}", "\u{FFFD}", "\u{FFFF}", "😀", "\u{10FFFF}"]

    /// Any string Foundation's `JSONEncoder` writes (an independent encoder: escapes for controls,
    /// quotes, backslashes and slashes, other characters as their UTF-8 bytes) reads back as the
    /// same string, wherever its escapes fall (before, after, between plain runs).
    @Test func stringsReadBackAsFoundationWroteThem() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.stringScalars.count - 1)).array(of: 0...40)) { picks in
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: picks.map { Self.stringScalars[$0] })
            let text = String(scalars)
            guard let data = try? JSONEncoder().encode(["k": text]) else {
                Issue.record("JSONEncoder could not encode \(picks)")
                return
            }
            let value = try? JSONValue.parse(data, file: "s.json")
            #expect(value == .object(["k": .string(text)]), "\(String(decoding: data, as: UTF8.self))")
        }
    }

    /// A byte that cannot be UTF-8 anywhere in a string, before or after an escape, is refused
    /// naming the string's position; the same string without it reads.
    @Test func invalidUTF8IsRefusedWhereverItFalls() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...12), Gen.int(in: 0...12), Gen.bool) { before, after, escaped in
            let head = String(repeating: "a", count: before), tail = String(repeating: "b", count: after)
            let escape = escaped ? "\\n" : ""
            let good = Data("{\"k\": \"\(head)\(escape)\(tail)\"}".utf8)
            #expect((try? JSONValue.parse(good, file: "s.json")) == .object(["k": .string(head + (escaped ? "\n" : "") + tail)]))
            for position in [0, 1] {
                // The bad byte before the escape (position 0) or after it (1).
                let bytes = Array("{\"k\": \"\(head)".utf8) + (position == 0 ? [0xFF] : []) + Array("\(escape)".utf8)
                    + (position == 1 ? [0xFF] : []) + Array("\(tail)\"}".utf8)
                do throws(InputError) {
                    _ = try JSONValue.parse(Data(bytes), file: "s.json")
                    Issue.record("read a string holding 0xFF: \(bytes)")
                } catch {
                    #expect(error.issues.first?.message.contains("line 1, column 7: the string opened here is not valid UTF-8") == true, "\(error.issues)")
                }
            }
        }
    }
}

@Suite("Numbers in messages never trap and always read the same way")
struct NumberTextTests {
    @Test(arguments: [(12.0, "12"), (0.25, "0.25"), (1.0 / 3, "0.3333"), (-0.00001, "-1e-05"), (1e15, "1e+15"), (-2.5e16, "-2.5e+16"),
                      (1e308, "1e+308"), (5e-324, "5e-324"), (-0.0, "0"), (.nan, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"),
                      (999_999_999_999_999, "999999999999999"), (123_456.78951, "123456.7895")])
    func short(_ value: Double, _ text: String) {
        #expect(NumberText.short(value) == text)
    }

    @Test(arguments: [(2.345, 2, "2.35"), (-0.004, 2, "0.00"), (9.9951, 2, "10.00"), (.nan, 1, "–"), (1e20, 0, "1e+20"), (7, 0, "7")] as [(Double, Int, String)])
    func fixed(_ value: Double, _ decimals: Int, _ text: String) {
        #expect(NumberText.fixed(value, decimals) == text)
    }

    @Test(arguments: ["0x10", "nan", "inf", "1 000", "1e", "", "+", "1.2.3", "1e400", " 1"])
    func notPlainDecimals(_ text: String) { #expect(DecimalText.number(text) == nil) }

    @Test(arguments: [("12", 12.0), ("-0.5", -0.5), ("1.5e-3", 0.0015), (".5", 0.5), ("+3", 3.0)])
    func plainDecimals(_ text: String, _ value: Double) { #expect(DecimalText.number(text) == value) }
}

/// Inputs the fuzzers found (`make fuzz`), kept as regression tests.
@Suite("Fuzzer findings")
struct FuzzerFindingsTests {
    /// FuzzTariff, 5 December 2026: a high surrogate followed by a non-surrogate escape
    /// (`\udAEf\uACCC`) overflowed the UInt32 arithmetic of the pair; lone surrogates were
    /// silently replaced.
    @Test(arguments: [#"{"foi\\\udAEf\uACCCva"}"#, #"{"a": "\uD800"}"#, #"{"a": "\uDC00"}"#, #"{"a": "\uD800\u0041"}"#])
    func surrogates(_ text: String) {
        let (tariff, issues) = TariffLibrary.read(data: Data(text.utf8), name: "t.json")
        #expect(tariff == nil)
        #expect(issues.errors.first?.message.contains("surrogate") == true, "\(issues)")
    }

    @Test func aValidSurrogatePairStillReads() throws {
        let value = try JSONValue.parse(Data(#"{"a": "\uD83D\uDE00"}"#.utf8), file: nil)
        #expect(value == .object(["a": .string("😀")]))
    }
}
