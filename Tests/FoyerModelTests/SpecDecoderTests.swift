import Foundation
import FoyerCore
import FoyerEnergy
import Testing
@testable import FoyerModel

/// The spec decoder's handling of names and primitives: a value of the right type is taken at
/// once, any other is recorded with its path and decoding goes on; a name is checked whether the
/// type declares `SpecEnum` itself or had it added in another module (``Energy``).
@Suite("Spec decoder: names and primitives")
struct SpecDecoderTests {
    struct Sample: Decodable {
        var type: HeatingSystemType?
        var fuel: Energy?
        var fuels: [Energy]?
        var share: Double?
        var count: Int?
        var label: String?
        var flag: Bool?
        var values: [Double]?
        var counts: [Int]?
        var names: [String]?
    }

    private func decode(_ json: String) throws -> (Sample?, [InputIssue]) {
        SpecDecoder.decode(Sample.self, from: try JSONValue.parse(Data(json.utf8), file: nil))
    }

    @Test func valuesOfTheRightTypeAreDecoded() throws {
        let (sample, issues) = try decode("""
            {"type": "gas_boiler_condensing", "fuel": "natural_gas", "fuels": ["wood_logs", "electricity"], "share": 0.25,
             "count": 3, "label": "séjour", "flag": true, "values": [1.5, -2, 1e308], "counts": [0, -4], "names": ["a", "b"]}
            """)
        #expect(issues.isEmpty, "\(issues)")
        let decoded = try #require(sample)
        #expect(decoded.type == .gasBoilerCondensing)
        #expect(decoded.fuel == .naturalGas)
        #expect(decoded.fuels == [.woodLogs, .electricity])
        #expect(decoded.share == 0.25 && decoded.count == 3 && decoded.label == "séjour" && decoded.flag == true)
        #expect(decoded.values == [1.5, -2, 1e308] && decoded.counts == [0, -4] && decoded.names == ["a", "b"])
    }

    @Test func everyWrongValueIsRecordedWithItsPathAndTheRestStillDecoded() throws {
        let (sample, issues) = try decode("""
            {"type": "gaz_boiler", "fuel": "natral_gas", "fuels": ["coal", 3], "share": "half", "count": 2.5,
             "label": 7, "flag": "yes", "values": [1, "x", 3], "counts": [1, 1e300], "names": [true]}
            """)
        let byPath = Dictionary(issues.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byPath["type"]?.message == "unknown name 'gaz_boiler'")
        #expect(byPath["fuel"]?.suggestion?.contains("natural_gas") == true, "\(String(describing: byPath["fuel"]))")
        #expect(byPath["fuels[1]"]?.message.hasPrefix("expected one of the names electricity") == true)
        #expect(byPath["share"]?.message == "expected a number, found a string")
        #expect(byPath["count"]?.message == "expected a whole number")
        #expect(byPath["label"]?.message == "expected a string, found a number")
        #expect(byPath["flag"]?.message == "expected true or false, found a string")
        #expect(byPath["values[1]"]?.message == "expected a number, found a string")
        #expect(byPath["counts[1]"]?.message == "expected a whole number")
        #expect(byPath["names[0]"]?.message == "expected a string, found a boolean")
        #expect(issues.count == 10, "\(issues.map(\.description))")
        // The fields in error are left out; the object itself is still decoded.
        #expect(sample != nil)
    }

    @Test func namesThroughAnotherDecoderAreCheckedToo() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode([HeatingSystemType].self, from: Data(#"["pellet_stove"]"#.utf8)) == [.pelletStove])
        #expect(throws: DecodingError.self) { try decoder.decode([HeatingSystemType].self, from: Data(#"["pellet"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode([HeatingSystemType].self, from: Data("[1]".utf8)) }
    }
}
