import Foundation
import Testing
@testable import FoyerThermal

@Suite("Thermal network: implicit stepping and superposition")
struct ThermalNetworkTests {
    /// One node of capacity C linked by H to a boundary at θe, starting at θ0. The continuous
    /// solution is θ(t) = θe + (θ0 − θe)·exp(−H t / C) (a first-order RC circuit). Backward Euler
    /// with step Δt gives θ_n = θe + (θ0 − θe)/(1 + HΔt/C)^n exactly; both are checked.
    @Test func singleNodeDecayMatchesTheRCSolution() throws {
        let capacity = 2.0e6, conductance = 50.0, outdoor = -5.0, start = 20.0
        var network = ThermalNetwork()
        let node = network.addNode("zone", capacityJPerK: capacity)
        let boundary = network.addBoundary("outdoor")
        network.connect(node, boundary: boundary, conductanceWPerK: conductance)
        let compiled = try network.compile(timeStepS: 3600)

        var temperature = [start]
        var rhs = [0.0]
        for _ in 0..<48 {
            compiled.rightHandSide(previousC: temperature, boundaryC: [outdoor], sourcesW: [0], into: &rhs)
            compiled.solve(inPlace: &rhs)
            temperature = rhs
        }
        let discrete = outdoor + (start - outdoor) / pow(1 + conductance * 3600 / capacity, 48)
        let continuous = outdoor + (start - outdoor) * exp(-conductance * 48 * 3600 / capacity)
        #expect(abs(temperature[0] - discrete) < 1e-9)
        // Time constant C/H = 11.1 h; backward Euler's first-order error after two days stays
        // below 0.25 K here (the bound (θ0−θe)·|e^{−x} − (1+x/n)^{−n}| with x = 8.64, n = 48).
        #expect(abs(temperature[0] - continuous) < 0.25)
    }

    /// Two conductances in series between 0 °C and 20 °C: the massless middle node sits at the
    /// conductance-weighted mean (Kirchhoff), whatever the time step.
    @Test func massLessNodeFindsTheSteadyStateAtOnce() throws {
        var network = ThermalNetwork()
        let middle = network.addNode("surface")
        let cold = network.addBoundary("outdoor"), warm = network.addBoundary("indoor")
        network.connect(middle, boundary: cold, conductanceWPerK: 3)
        network.connect(middle, boundary: warm, conductanceWPerK: 1)
        let compiled = try network.compile(timeStepS: 3600)
        var rhs = [0.0]
        compiled.rightHandSide(previousC: [99], boundaryC: [0, 20], sourcesW: [0], into: &rhs)
        compiled.solve(inPlace: &rhs)
        #expect(abs(rhs[0] - 5) < 1e-12)
    }

    /// With a steady outdoor temperature the power that holds a zone at its set-point is
    /// H·(θset − θe); superposition of the free response and the unit response gives it.
    @Test func superpositionGivesTheHoldingPower() throws {
        var network = ThermalNetwork()
        let air = network.addNode("air", capacityJPerK: 1e5)
        let mass = network.addNode("mass", capacityJPerK: 1e7)
        let outdoor = network.addBoundary("outdoor")
        network.connect(air, boundary: outdoor, conductanceWPerK: 100)
        network.connect(air, mass, conductanceWPerK: 500)
        let compiled = try network.compile(timeStepS: 3600)
        // Start in steady state at 20 °C (mass and air), outdoor 0 °C.
        var rhs = [0.0, 0.0]
        compiled.rightHandSide(previousC: [20, 20], boundaryC: [0], sourcesW: [0, 0], into: &rhs)
        compiled.solve(inPlace: &rhs)
        let response = compiled.unitResponse(distribution: [1, 0])
        let power = (20 - rhs[air]) / response[air]
        // Holding 20 °C with the mass already at 20 °C: the mass neither gives nor takes heat,
        // so the power is the loss to outdoors, 100 W/K × 20 K.
        #expect(abs(power - 2000) < 1e-6)
        #expect(abs(rhs[mass] + power * response[mass] - 20) < 1e-9)
    }

    @Test func floatingNodesAreRefusedByName() {
        var network = ThermalNetwork()
        let a = network.addNode("zone", capacityJPerK: 1e5)
        let b = network.addBoundary("outdoor")
        network.connect(a, boundary: b, conductanceWPerK: 10)
        network.addNode("orphan surface")
        #expect(throws: ThermalNetworkError.singular(nodes: ["orphan surface"])) { try network.compile(timeStepS: 3600) }
        #expect(throws: ThermalNetworkError.invalidTimeStep(0)) { try network.compile(timeStepS: 0) }
    }
}
