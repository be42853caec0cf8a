import Foundation
import FoyerCore
import FoyerEnergy
import FoyerInvoices
import FoyerModel

extension Dossier {
    /// The invoice lines of `book` (already checked by the invoices reader) as one more bill
    /// set, in the invoices format's keys: `add-bills` stores what was typed, converted to
    /// canonical units (dates ISO, quantities as read, the gas conversion coefficient kept).
    public mutating func addBills(_ book: InvoiceBook, source: String?, on date: CivilDate) {
        let lines: [JSONValue] = book.lines.map { line in
            var object: [String: JSONValue] = [
                "energy": .string(line.energy.rawValue),
                "meter": .string(line.meter),
                "kind": .string(line.kind.rawValue),
                "start": .string(line.start.description),
                "end": .string(line.end.description),
                "reading": .string(line.reading.rawValue),
            ]
            if let quantity = line.quantity { object["quantity"] = .number(quantity) }
            if let unit = line.unit { object["unit"] = .string(unit.rawValue) }
            if line.unit == .cubicMetre, let quantity = line.quantity, quantity > 0, let billed = line.billedKWh {
                object["conversion_kwh_per_m3"] = .number(billed / quantity)
            }
            if let period = line.period { object["period"] = .string(period) }
            if let amount = line.amountEUR { object["amount_eur"] = .number(amount) }
            if let note = line.note { object["note"] = .string(note) }
            return .object(object)
        }
        bills.append(BillSet(addedOn: date, source: source, lines: lines))
        revision += 1
    }

    public mutating func addVisit(_ visit: Visit) {
        visits.append(visit)
        visits.sort { $0.date < $1.date }
        revision += 1
    }

    public mutating func addAction(_ action: Action) {
        actions.append(action)
        actions.sort { $0.date < $1.date }
        revision += 1
    }

    /// Every invoice line of the dossier, read back through the invoices reader (one book).
    public func invoiceBook(file: String) -> InvoiceBook {
        let document = JSONValue.object(["schema": .string(InvoiceReader.schema), "lines": .array(bills.flatMap(\.lines))])
        guard let data = try? JSONEncoder().encode(document) else { return InvoiceBook(lines: [], issues: [], file: file) }
        return InvoiceReader.read(data: data, file: file)
    }

    /// The dossier without what identifies the household, for statistics: no `identity`; no free
    /// text (observations, notes, advice in words, bill notes and file names), where names and
    /// addresses end up; the dwelling file reduced to its name; an embedded dwelling without its
    /// `name` and `description`. Kept: the pseudonymous id (or `newID`), dates, counts of
    /// persons, income and housing costs (the indicators need them), measurements, problems,
    /// measures, costs and the bills' figures.
    public func anonymised(newID: String? = nil) -> Dossier {
        var copy = self
        copy.identity = nil
        if let newID { copy.householdID = newID }
        switch dwelling {
        case let .file(path):
            copy.dwelling = .file(path.split(separator: "/").last.map(String.init) ?? path)
        case let .embedded(.object(members)):
            var members = members
            members.removeValue(forKey: "name")
            members.removeValue(forKey: "description")
            copy.dwelling = .embedded(.object(members))
        default:
            break
        }
        copy.visits = visits.map { visit in
            var visit = visit
            visit.observations = nil
            visit.recommendations = visit.recommendations.compactMap { $0.measure.map { Recommendation(measure: $0) } }
            return visit
        }
        copy.actions = actions.map { action in
            var action = action
            action.note = nil
            return action
        }
        copy.bills = bills.map { set in
            var set = set
            set.source = nil
            set.lines = set.lines.map { line in
                guard case var .object(members) = line else { return line }
                members.removeValue(forKey: "note")
                return .object(members)
            }
            return set
        }
        copy.revision += 1
        return copy
    }
}
