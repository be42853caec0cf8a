import Foundation
import Testing
@testable import FoyerModel
import Foyer

/// Every field of every shipped tariff file, given every hostile value: the tariff reader's
/// share of the corpus. Accepted tariffs bill two weeks of a flat load to a finite total.
@Suite("Hostile values in every field of every shipped tariff file")
struct TariffMutationTests {
    /// Two weeks of 0.5 kWh an hour from the first day of `tariff`'s validity.
    static func flatCurve(from day: CivilDate) -> LoadCurve {
        LoadCurve(intervals: (0..<(14 * 24)).map { hour in
            LoadCurve.Interval(start: LocalDateTime(day.adding(days: hour / 24), minuteOfDay: (hour % 24) * 60), minutes: 60, kWh: 0.5)
        }, origin: "flat two weeks")
    }

    static func check(_ name: String, document: JSONValue, leaf: JSONLeaf, value: HostileValue) throws {
        let data = try document.text(replacing: leaf.path, withRaw: value.json)
        let (tariffs, issues) = TariffLibrary.readAll(data: data, name: name)
        let context = "\(name): \(leaf.rendered) = \(value.json)"
        if IssueCheck.expectations(issues, file: name, path: leaf.rendered, value: value) {
            // A components file composes many versions: the first few are billed.
            for tariff in tariffs.prefix(3) {
                let library = TariffLibrary(tariffs: [tariff])
                var options = BillingOptions(subscribedKVA: tariff.subscribedKVALevels.first)
                options.pricesOn = tariff.validFrom
                do throws(InputError) {
                    let bill = try BillEngine.bill(flatCurve(from: tariff.validFrom), offer: tariff.offer, library: library, options: options)
                    #expect(bill.totalEUR.isFinite && bill.lines.allSatisfy { $0.amountEUR.isFinite }, "\(context): a non-finite bill: \(bill.totalEUR) €")
                } catch {
                    #expect(!error.issues.isEmpty)
                }
            }
        }
    }

    @Test("every numeric and string field, every hostile value", arguments: Fixtures.tariffFiles.map(\.name))
    func everyField(of name: String) throws {
        let url = try #require(Fixtures.tariffFiles.first { $0.name == name }?.url)
        var document = try JSONValue.parse(try Data(contentsOf: url), file: name)
        // A components file composes every product with every operator at each read: one indexed
        // product keeps every kind of field and the thousands of reads quick.
        if case var .object(members) = document, case .string("foyer-tariff-components-1")? = members["format"],
           case let .array(offers)? = members["offers"] {
            let indexed = offers.first { if case let .object(offer) = $0 { return offer["indexation"] != nil } else { return false } }
            members["offers"] = .array([indexed ?? offers.first].compactMap { $0 })
            document = .object(members)
        }
        let prose: Set<String> = ["sources", "notes", "source", "about", "transport_source", "impact_source", "exclusive_night_fixed_charges_source"]
        let leaves = JSONLeaf.leaves(of: document).filter { !$0.path.contains { if case let .key(key) = $0 { return prose.contains(key) } else { return false } } }
        #expect(leaves.count > 5)
        for leaf in leaves {
            let values: [HostileValue]
            if case .number = leaf.value { values = HostileValue.forNumbers } else { values = HostileValue.forStrings }
            for value in values { try Self.check(name, document: document, leaf: leaf, value: value) }
        }
    }
}
