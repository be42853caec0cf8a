import Testing
@testable import FoyerEnergy

@Suite("Fuels, units and factors")
struct EnergyTests {
    /// Hand conversions with the published contents (domain-facts.md §2.3): 1 000 L of fuel
    /// oil at 9.97 kWh/L = 9 970 kWh; 500 kg of propane at 12.8 kWh/kg = 6 400 kWh (the
    /// supplier sheet rounds to ≈ 6 390); 3 stères of logs at 1 680 = 5 040 kWh; 1 t of
    /// pellets = 4 600 kWh; 1 000 m³ of gas at 11.628 kWh PCI = 11 628 kWh PCI, × 1.11 =
    /// 12 907 kWh PCS.
    @Test func quantitiesConvertWithThePublishedContents() throws {
        #expect(FuelQuantity(1_000, .litre, of: .fuelOil).kWhPCI == 9_970)
        #expect(abs(try #require(FuelQuantity(500, .kilogram, of: .propane).kWhPCI) - 6_400) < 1e-9)
        #expect(FuelQuantity(3, .stere, of: .woodLogs).kWhPCI == 5_040)
        #expect(FuelQuantity(1, .tonne, of: .woodPellets).kWhPCI == 4_600)
        let gas = FuelQuantity(1_000, .cubicMetre, of: .naturalGas)
        #expect(abs(try #require(gas.kWhPCS) - 12_907.08) < 1e-6)
        let back = try #require(FuelQuantity.holding(kWhPCI: 9_970, of: .fuelOil, in: .litre))
        #expect(abs(back.amount - 1_000) < 1e-9)
    }

    @Test func anEnergyIsNotSoldInAnotherEnergysUnit() {
        #expect(FuelQuantity(10, .stere, of: .fuelOil).kWhPCI == nil)
        #expect(FuelQuantity(10, .litre, of: .electricity).kWhPCI == nil)
        #expect(FuelUnit.units(of: .woodLogs) == [.stere, .kilowattHour])
        #expect(FuelUnit.units(of: .electricity) == [.kilowattHour])
    }

    /// The French electricity primary-energy factor: 2.3 up to 31 December 2025, 1.9 from
    /// 1 January 2026 (domain-facts.md §1.3); 1.0 for every other energy.
    @Test func electricityPrimaryFactorChangesOnTheFirstOfJanuary2026() {
        #expect(PrimaryEnergy.factor(.electricity, on: CivilDate(2025, 12, 31)) == 2.3)
        #expect(PrimaryEnergy.factor(.electricity, on: CivilDate(2026, 1, 1)) == 1.9)
        #expect(PrimaryEnergy.factor(.naturalGas, on: CivilDate(2025, 6, 1)) == 1.0)
        #expect(PrimaryEnergy.factor(.woodLogs, on: CivilDate(2026, 6, 1)) == 1.0)
    }

    /// 3CL GHG factors (arrêté of 31 March 2021, domain-facts.md §1.3): electricity by use,
    /// gas 0.227, fuel oil 0.324, wood 0.030 kg CO₂-eq/kWh.
    @Test func emissionFactorsFollowThe3CLTable() {
        #expect(Emissions.kgCO2PerKWh(.electricity, use: .heating) == 0.079)
        #expect(Emissions.kgCO2PerKWh(.electricity, use: .hotWater) == 0.065)
        #expect(Emissions.kgCO2PerKWh(.naturalGas, use: .heating) == 0.227)
        #expect(Emissions.kgCO2PerKWh(.fuelOil, use: .hotWater) == 0.324)
        #expect(Emissions.kgCO2PerKWh(.woodPellets, use: .heating) == 0.030)
    }

    @Test func datesParseOnlyWhenTheyExist() {
        #expect(CivilDate(iso: "2026-01-01") == CivilDate(2026, 1, 1))
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2025-13-01") == nil)
        #expect(CivilDate(iso: "25-01-01") == nil)
        #expect(CivilDate(2026, 1, 1).description == "2026-01-01")
    }
}
