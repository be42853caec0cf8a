import FoyerCore
import FoyerEnergy
import FoyerModel

extension Tariff {
    /// What ``incompatibility(circuit:supply:)`` reads of `supply`, as a key: two supplies with the
    /// same key find the same offers compatible (keep it in step with that function).
    public static func compatibilityKey(_ supply: EnergySupplySpec) -> String {
        "\(supply.protectedCustomer == true)|\(supply.distributionOperator?.rawValue ?? "-")|\(supply.electricityMeter?.rawValue ?? "-")"
    }

    /// Why this offer cannot bill a contract on `circuit` of a household with `supply`, or
    /// `nil` when it can: the meter must count what the offer prices (a single-register meter
    /// cannot bill peak and off-peak hours, only a communicating meter knows Tempo's day
    /// colours), an exclusive-night circuit takes only an exclusive-night offer, and the social
    /// tariff is for protected customers.
    public func incompatibility(circuit: MeterCircuit, supply: EnergySupplySpec) -> String? {
        if eligibility == .protectedCustomers && supply.protectedCustomer != true {
            return "\(name) is the social tariff, for protected customers only (energy_supply.protected_customer is not true)"
        }
        if let network = distributionOperator {
            guard let household = supply.distributionOperator else {
                return "\(name) includes the \(network.displayName) network tariff: give energy_supply.distribution_operator (ores, resa, aieg, aiesh, rew)"
            }
            if household != network {
                return "\(name) includes the \(network.displayName) network tariff, and the household is on \(household.displayName)'s network"
            }
        }
        guard energy == .electricity else {
            return circuit == .exclusiveNight ? "only electricity has an exclusive-night circuit" : nil
        }
        if circuit == .exclusiveNight {
            return meter == .exclusiveNight ? nil : "\(name) is not an exclusive-night offer, and the contract is on the exclusive-night circuit"
        }
        let household = supply.electricityMeter ?? .smart
        switch meter {
        case .exclusiveNight:
            return "\(name) bills an exclusive-night circuit; give the contract \"circuit\": \"exclusive_night\""
        case .single:
            return nil
        case .peakOffPeak:
            return household == .single ? "\(name) bills peak and off-peak hours, and the meter has a single register (electricity_meter: single)" : nil
        case .dayColour:
            return household == .smart ? nil
                : "\(name) prices each day by its colour, which only a communicating meter records (electricity_meter: \(household.rawValue))"
        case .timeOfUse:
            return household == .smart ? nil
                : "\(name) prices several bands of hours, which only a communicating meter records (electricity_meter: \(household.rawValue))"
        }
    }
}

extension TariffLibrary {
    /// Every problem of the contracts in `supply` for a dwelling in `country`: an unknown offer
    /// (with the nearest known), an offer of another energy or country, or one the meter
    /// cannot bill. Paths are `energy_supply.contracts[i]…`.
    public func contractIssues(_ supply: EnergySupplySpec, country: String?) -> [InputIssue] {
        var issues: [InputIssue] = []
        for (index, contract) in (supply.contracts ?? []).enumerated() {
            let path = "energy_supply.contracts[\(index)]"
            guard let offer = contract.offer else { continue }
            guard let tariff = latest(offer) else {
                issues.append(unknownOffer(offer, path: path + ".offer"))
                continue
            }
            if let energy = contract.energy, energy != tariff.energy {
                issues.append(InputIssue(.error, path: path + ".offer", value: "\"\(offer)\"",
                                         message: "\(tariff.name) sells \(tariff.energy.rawValue), and the contract is for \(energy.rawValue)",
                                         expected: "an offer for \(energy.rawValue) (foyer tariffs list --energy \(energy.rawValue))"))
                continue
            }
            if let country = country?.uppercased(), country != tariff.country {
                issues.append(InputIssue(.error, path: path + ".offer", value: "\"\(offer)\"",
                                         message: "\(tariff.name) is an offer of \(tariff.country), and the dwelling is in \(country)",
                                         expected: "an offer of \(country) (foyer tariffs list --country \(country))"))
                continue
            }
            if let problem = tariff.incompatibility(circuit: contract.circuit ?? .main, supply: supply) {
                issues.append(InputIssue(.error, path: path + ".offer", value: "\"\(offer)\"", message: problem,
                                         expected: "an offer the meter can bill, or the meter's real kind in energy_supply.electricity_meter"))
            }
        }
        return issues
    }
}
