import Foundation
import Testing
@testable import FoyerModel
import Foyer
import FoyerArchetypeFiles

/// Every field of every shipped measure file, given every hostile value: the measure reader's
/// share of the corpus (issue 14). A refused value is an error naming the file, the field and
/// the value; an accepted measure applies to a dwelling without a non-finite figure.
@Suite("Hostile values in every field of every shipped measure file")
struct MeasureMutationTests {
    static var measureFiles: [(name: String, url: URL)] {
        guard let root = ArchetypeFiles.directory?.appendingPathComponent("measures"),
              let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, URL)] = []
        while let url = enumerator.nextObject() as? URL {
            if url.pathExtension == "json" { files.append(("measures/" + url.lastPathComponent, url)) }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static let house: ResolvedDwelling? = Inputs.loadDwelling("fr/sfh-1949-1974", use: .conventional).dwelling

    static func check(_ name: String, document: JSONValue, leaf: JSONLeaf, value: HostileValue) throws {
        let data = try document.text(replacing: leaf.path, withRaw: value.json)
        let (measure, issues) = MeasureLibrary.read(data: data, name: name)
        let context = "\(name): \(leaf.rendered) = \(value.json)"
        if IssueCheck.expectations(issues, file: name, path: leaf.rendered, value: value) {
            guard let measure, let house = Self.house else { return }
            if case let .success(applied) = MeasureApplication.apply(measure, to: house) {
                let values = applied.dwelling.opaqueElements.map(\.uValueWPerM2K) + applied.dwelling.windows.map(\.uValueWPerM2K)
                    + [applied.dwelling.thermostat.heatingSetpointC, applied.dwelling.thermostat.heatingSetbackC, applied.areaM2]
                let finite = values.allSatisfy { $0.isFinite }
                #expect(finite, "\(context): a non-finite value after applying it")
            }
        }
    }

    @Test("every numeric and string field, every hostile value", arguments: MeasureMutationTests.measureFiles.map(\.name))
    func everyField(of name: String) throws {
        let url = try #require(Self.measureFiles.first { $0.name == name }?.url)
        let document = try JSONValue.parse(try Data(contentsOf: url), file: name)
        let prose: Set<String> = ["source", "notes", "description_fr", "lifetime_source", "date"]
        let leaves = JSONLeaf.leaves(of: document).filter { !$0.path.contains { if case let .key(key) = $0 { return prose.contains(key) } else { return false } } }
        #expect(leaves.count > 5)
        for leaf in leaves {
            let values: [HostileValue]
            if case .number = leaf.value { values = HostileValue.forNumbers } else { values = HostileValue.forStrings }
            for value in values { try Self.check(name, document: document, leaf: leaf, value: value) }
        }
    }

    @Test func theFilesAreFound() { #expect(Self.measureFiles.count >= 8) }
}
