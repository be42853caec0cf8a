import FoyerNumerics

/// A lumped thermal network: nodes with heat capacities, conductances between nodes and from
/// nodes to boundary temperatures, and heat sources.
///
/// The energy balance of node *i* over a time step Δt, discretised implicitly (backward Euler,
/// as EN ISO 52016-1:2017, 6.5.6 does), is
///
///     C_i (θ_i − θ_i⁻)/Δt = Σ_j G_ij (θ_j − θ_i) + Σ_k H_ik (θ_k^b − θ_i) + Φ_i
///
/// where θ_i⁻ is the temperature at the end of the previous step, θ_k^b the boundary
/// temperatures (outdoor air, sky, ground…) and Φ_i the heat injected. Gathering the unknowns:
///
///     (C_i/Δt + Σ_j G_ij + Σ_k H_ik) θ_i − Σ_j G_ij θ_j = C_i/Δt θ_i⁻ + Σ_k H_ik θ_k^b + Φ_i
///
/// The matrix on the left depends only on the network and Δt: it is factorised once
/// (``CompiledThermalNetwork``) and each step is a back-substitution.
public struct ThermalNetwork: Sendable {
    /// Heat capacity of each node, J/K (0 for a massless node such as a surface).
    public private(set) var capacitiesJPerK: [Double] = []
    /// Names for messages and outputs.
    public private(set) var nodeNames: [String] = []
    /// Conductances between two nodes, W/K.
    public private(set) var links: [(a: Int, b: Int, conductanceWPerK: Double)] = []
    /// Conductances from a node to a boundary temperature, W/K.
    public private(set) var boundaryLinks: [(node: Int, boundary: Int, conductanceWPerK: Double)] = []
    /// Names of the boundary temperatures.
    public private(set) var boundaryNames: [String] = []
    /// Values that cannot enter a network (negative, NaN or infinite capacities and
    /// conductances), as "where: what = value"; ``compile(timeStepS:scheme:)`` throws them.
    /// Such values come from input, so they are reported, not trapped; the entry is kept at zero.
    public private(set) var invalidValues: [String] = []

    public init() {}

    public var nodeCount: Int { capacitiesJPerK.count }
    public var boundaryCount: Int { boundaryNames.count }

    /// Adds a node and returns its index. A capacity that is not finite and non-negative is
    /// recorded in ``invalidValues`` (and taken as 0).
    @discardableResult
    public mutating func addNode(_ name: String, capacityJPerK: Double = 0) -> Int {
        var capacity = capacityJPerK
        if !(capacity.isFinite && capacity >= 0) {
            invalidValues.append("\(name): heat capacity = \(capacity) J/K")
            capacity = 0
        }
        capacitiesJPerK.append(capacity)
        nodeNames.append(name)
        return capacitiesJPerK.count - 1
    }

    /// Adds a boundary temperature (given each step) and returns its index.
    @discardableResult
    public mutating func addBoundary(_ name: String) -> Int {
        boundaryNames.append(name)
        return boundaryNames.count - 1
    }

    /// Connects two nodes with a conductance (W/K). Zero conductances are skipped; one that is
    /// not finite and non-negative is recorded in ``invalidValues``.
    /// - Precondition: the nodes exist and differ (the builder's indices, not input).
    public mutating func connect(_ a: Int, _ b: Int, conductanceWPerK: Double) {
        precondition(a != b && a >= 0 && b >= 0 && a < nodeCount && b < nodeCount, "invalid nodes")
        guard conductanceWPerK.isFinite && conductanceWPerK >= 0 else {
            invalidValues.append("\(nodeNames[a]) – \(nodeNames[b]): conductance = \(conductanceWPerK) W/K")
            return
        }
        if conductanceWPerK > 0 { links.append((a, b, conductanceWPerK)) }
    }

    /// Changes the conductance of node–node link `index` (a variant of the same network, e.g.
    /// with the shutters closed). Zero is allowed here: the link stays, carrying nothing.
    public mutating func setLinkConductance(_ index: Int, conductanceWPerK: Double) {
        precondition(links.indices.contains(index), "invalid link")
        guard conductanceWPerK.isFinite && conductanceWPerK >= 0 else {
            invalidValues.append("\(nodeNames[links[index].a]) – \(nodeNames[links[index].b]): conductance = \(conductanceWPerK) W/K")
            return
        }
        links[index].conductanceWPerK = conductanceWPerK
    }

    /// Connects a node to a boundary temperature with a conductance (W/K).
    public mutating func connect(_ node: Int, boundary: Int, conductanceWPerK: Double) {
        precondition(node >= 0 && node < nodeCount && boundary >= 0 && boundary < boundaryCount, "invalid node or boundary")
        guard conductanceWPerK.isFinite && conductanceWPerK >= 0 else {
            invalidValues.append("\(nodeNames[node]) – \(boundaryNames[boundary]): conductance = \(conductanceWPerK) W/K")
            return
        }
        if conductanceWPerK > 0 { boundaryLinks.append((node, boundary, conductanceWPerK)) }
    }

    /// The steady-state conductance matrix (without the capacity terms), for checks.
    func conductanceMatrix() -> DenseMatrix {
        var matrix = DenseMatrix(rows: nodeCount, columns: nodeCount)
        for link in links {
            matrix[link.a, link.a] += link.conductanceWPerK
            matrix[link.b, link.b] += link.conductanceWPerK
            matrix[link.a, link.b] -= link.conductanceWPerK
            matrix[link.b, link.a] -= link.conductanceWPerK
        }
        for link in boundaryLinks { matrix[link.node, link.node] += link.conductanceWPerK }
        return matrix
    }

    /// Factorises the network's step matrix for time step `timeStepS`.
    ///
    /// The errors thrown are ``ThermalNetworkError``.
    /// - Throws: ``ThermalNetworkError/singular(nodes:)`` when some nodes have no capacity and no
    ///   path to a boundary (their temperature is undetermined).
    public func compile(timeStepS: Double, scheme: TimeScheme = .backwardEuler) throws -> CompiledThermalNetwork {
        try CompiledThermalNetwork(self, timeStepS: timeStepS, scheme: scheme)
    }
}

/// How a step is integrated in time.
public enum TimeScheme: Sendable, Equatable {
    /// Implicit (backward) Euler, EN ISO 52016-1:2017, 6.5.6: the step's temperatures are those
    /// at its end.
    case backwardEuler
    /// Crank–Nicolson as EN ISO 13790:2008, Annex C.3 applies it to the 5R1C model: the
    /// capacitive nodes are averaged over the step (eqs. C.4 and C.9) and the massless nodes
    /// are solved with that average (C.10, C.11).
    ///
    /// The step's mid-point state θ* = (θⁿ⁺¹ + θⁿ)/2 satisfies a backward-Euler step of Δt/2,
    /// 2C(θ* − θⁿ)/Δt = −Kθ* + b; so it is solved as one, and the capacitive nodes are carried
    /// to the end of the step as θⁿ⁺¹ = 2θ* − θⁿ.
    case crankNicolson
}

/// Why a network cannot be solved.
public enum ThermalNetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The step matrix is singular: these nodes float (no capacity and no path to a boundary).
    case singular(nodes: [String])
    /// The time step is not a positive finite number.
    case invalidTimeStep(Double)
    /// Capacities or conductances that are negative, NaN or infinite (from the input that
    /// built the network), as "where: what = value".
    case invalidValues([String])

    public var description: String {
        switch self {
        case let .singular(nodes):
            "the thermal network cannot be solved: node(s) \(nodes.joined(separator: ", ")) have no heat capacity and no path to a boundary temperature"
        case let .invalidTimeStep(step):
            "invalid time step \(step) s"
        case let .invalidValues(values):
            "the thermal network cannot be built from these values: " + values.prefix(5).joined(separator: "; ") + (values.count > 5 ? "; …" : "")
        }
    }
}

/// A network with its step matrix factorised: stepping costs one back-substitution.
///
/// A final class with constant state: it is large, built once and shared read-only by every
/// hour (and by threads running several simulations of the same dwelling).
public final class CompiledThermalNetwork: Sendable {
    public let network: ThermalNetwork
    public let timeStepS: Double
    public let scheme: TimeScheme
    private let lu: LUFactorization
    /// The same system condensed on its chains, used for the hourly solves when it exists.
    private let condensed: CondensedSolver?
    /// For a very small network (the 3-node 5R1C), A⁻¹ itself, column-major: a step is then one
    /// n×n matrix–vector product, with neither pivoting nor division.
    private let smallInverse: ExplicitInverse?
    /// C_i/Δt (backward Euler) or 2C_i/Δt (Crank–Nicolson mid-point), W/K.
    private let capacityRate: [Double]

    init(_ network: ThermalNetwork, timeStepS: Double, scheme: TimeScheme) throws {
        guard timeStepS.isFinite, timeStepS > 0 else { throw ThermalNetworkError.invalidTimeStep(timeStepS) }
        guard network.invalidValues.isEmpty else { throw ThermalNetworkError.invalidValues(network.invalidValues) }
        self.network = network
        self.timeStepS = timeStepS
        self.scheme = scheme
        let factor = scheme == .crankNicolson ? 2.0 : 1.0
        capacityRate = network.capacitiesJPerK.map { factor * $0 / timeStepS }
        var matrix = network.conductanceMatrix()
        for i in 0..<network.nodeCount { matrix[i, i] += capacityRate[i] }
        do {
            lu = try LUFactorization(matrix)
        } catch {
            throw ThermalNetworkError.singular(nodes: Self.floatingNodes(network))
        }
        // An exactly singular matrix is caught above; a nearly singular one (a floating group
        // linked by tiny conductances) is caught here.
        if lu.reciprocalConditionNumber(oneNorm: matrix.oneNorm) < 1e-14 {
            throw ThermalNetworkError.singular(nodes: Self.floatingNodes(network))
        }
        // Condensation pays when it removes most unknowns of a sizeable system; a tiny network
        // (the 3-node 5R1C) is solved faster by its dense factors.
        if network.nodeCount >= 10, let solver = CondensedSolver(matrix: matrix), 2 * solver.kept.count <= network.nodeCount {
            condensed = solver
        } else {
            condensed = nil
        }
        let n = network.nodeCount
        smallInverse = n <= 8 ? ExplicitInverse(lu) : nil
    }

    /// A⁻¹ column-major when the network is small enough to be solved by it (``solve(columns:count:)``
    /// then forms x_i = Σ_j (A⁻¹)_ij·b_j, j in order, from zero), else nil.
    public var smallInverseColumnMajor: [Double]? { smallInverse?.columnMajorValues }

    /// Number of unknowns of the system solved each hour (after condensation of the chains).
    public var reducedOrder: Int { condensed?.kept.count ?? network.nodeCount }

    /// Nodes not connected, through any path, to a capacity or a boundary.
    private static func floatingNodes(_ network: ThermalNetwork) -> [String] {
        let n = network.nodeCount
        var anchored = (0..<n).map { network.capacitiesJPerK[$0] > 0 }
        for link in network.boundaryLinks { anchored[link.node] = true }
        var changed = true
        while changed {
            changed = false
            for link in network.links where anchored[link.a] != anchored[link.b] {
                anchored[link.a] = true
                anchored[link.b] = true
                changed = true
            }
        }
        let names = (0..<n).filter { !anchored[$0] }.map { network.nodeNames[$0] }
        return names.isEmpty ? ["(ill-conditioned network)"] : names
    }

    public var nodeCount: Int { network.nodeCount }

    /// The capacity terms of the step matrix's diagonal (C/Δt, or 2C/Δt for Crank–Nicolson), W/K.
    var stepCapacityRatesWPerK: [Double] { capacityRate }

    /// The right-hand side of a step: C/Δt·θ⁻ + Σ H·θ^b + Φ.
    /// - Parameters:
    ///   - previousC: node temperatures at the end of the previous step, °C.
    ///   - boundaryC: boundary temperatures during this step, °C.
    ///   - sourcesW: heat injected at each node during this step, W.
    ///   - rhs: receives the result (length = node count).
    public func rightHandSide(previousC: [Double], boundaryC: [Double], sourcesW: [Double], into rhs: inout [Double]) {
        for i in 0..<nodeCount { rhs[i] = capacityRate[i] * previousC[i] + sourcesW[i] }
        for link in network.boundaryLinks { rhs[link.node] += link.conductanceWPerK * boundaryC[link.boundary] }
    }

    /// Solves the step in place: `values` holds the right-hand side on entry and the step's
    /// node temperatures on return (end of step for backward Euler, the mid-step average of the
    /// capacitive nodes for Crank–Nicolson).
    public func solve(inPlace values: inout [Double]) {
        values.withUnsafeMutableBufferPointer { solve(inPlaceBuffer: $0) }
    }

    /// Solves the step in a caller-owned buffer (the allocation-free form of
    /// ``solve(inPlace:)`` for the hourly loop).
    public func solve(inPlaceBuffer values: UnsafeMutableBufferPointer<Double>) {
        if let smallInverse {
            smallInverse.solve(inPlaceBuffer: values)
        } else if let condensed {
            condensed.solve(inPlaceBuffer: values)
        } else {
            lu.solve(inPlaceBuffer: values)
        }
    }

    /// Solves `count` independent steps whose right-hand sides are stored one after the other
    /// in `columns` (each `nodeCount` long), in place.
    public func solve(columns: UnsafeMutableBufferPointer<Double>, count: Int) {
        if let smallInverse {
            smallInverse.solve(columns: columns, count: count)
        } else {
            let n = nodeCount
            for column in 0..<count { solve(inPlaceBuffer: UnsafeMutableBufferPointer(rebasing: columns[(column * n)..<((column + 1) * n)])) }
        }
    }

    /// The dense LU solve, kept as the reference the condensed solve is tested against.
    func solveDense(inPlace values: inout [Double]) {
        lu.solve(inPlace: &values)
    }

    /// The state carried to the next step from this step's solution: equal to the solution for
    /// backward Euler; for Crank–Nicolson the capacitive nodes are extrapolated to the end of
    /// the step, θⁿ⁺¹ = 2θ* − θⁿ (EN ISO 13790:2008, C.9 inverted).
    public func endOfStepState(solution: [Double], previous: [Double], into state: inout [Double]) {
        switch scheme {
        case .backwardEuler:
            for i in 0..<nodeCount { state[i] = solution[i] }
        case .crankNicolson:
            for i in 0..<nodeCount { state[i] = capacityRate[i] > 0 ? 2 * solution[i] - previous[i] : solution[i] }
        }
    }

    /// The temperature response of every node to 1 W injected with the given distribution
    /// (fractions per node summing to 1): `A⁻¹ · distribution`. Because the network is linear,
    /// the temperatures with a heating power Φ are those without it plus Φ times this response.
    public func unitResponse(distribution: [Double]) -> [Double] {
        var response = distribution
        lu.solve(inPlace: &response)
        return response
    }
}
