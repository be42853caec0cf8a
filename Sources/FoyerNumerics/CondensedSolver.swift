/// Solves a symmetric system A·x = b by static condensation of its chains, factorised once and
/// solved many times: the numerics layer's solver for thermal-network step matrices.
///
/// In an EN ISO 52016-1 network most nodes lie on chains: the five nodes of an opaque element
/// and the outer node of a window are linked only to their neighbours along the element. Nodes
/// with at most two neighbouring nodes are grouped into such paths (set E); the others — the
/// zone air and the internal surfaces, tied together by the radiative star — are kept (set K).
/// With A symmetric and block-partitioned,
///
///     S = A_KK − A_KE·A_EE⁻¹·A_EK        (Schur complement: constant, factorised once)
///     y = A_EE⁻¹·b_E                     (one tridiagonal sweep per chain)
///     S·x_K = b_K − A_KE·y
///     x_E = y − (A_EE⁻¹·A_EK)·x_K        (the chains' responses, precomputed)
///
/// A_EE is block-diagonal with tridiagonal blocks, solved by the Thomas algorithm (e.g. Press
/// et al., Numerical Recipes, 3rd ed., 2007, §2.4). The hourly cost drops from O(n²) to
/// O(|E| + m²), m = |K| (9 kept nodes instead of 35 for ASHRAE 140 case 600).
public final class CondensedSolver: Sendable {
    /// Order of the system.
    public let order: Int
    /// Kept nodes (the reduced system's unknowns, in this order).
    public let kept: [Int]
    /// Eliminated nodes, chain after chain, each chain in path order.
    let eliminated: [Int]
    /// Start of each chain in `eliminated` (and one past the end).
    let chainStart: [Int]
    /// Thomas factors per eliminated node: sub-diagonal, 1/denominator, modified super-diagonal.
    let sub: [Double], inverseDenominator: [Double], superPrime: [Double]
    /// A[e, k] couplings: position of e in `eliminated`, index of k in `kept`, value.
    let attachmentPosition: [Int], attachmentKept: [Int], attachmentValue: [Double]
    /// Chain responses z = A_EE⁻¹·A_E,k: kept index, start in `responseValues` (aligned with the
    /// chain's positions), chain.
    let responseKept: [Int], responseChain: [Int], responseOffset: [Int]
    let responseValues: [Double]
    let reduced: LUFactorization?
    /// For a small reduced system (m ≤ 16), S⁻¹ itself, column-major: the reduced solve is then one
    /// m×m matrix–vector product.
    let reducedInverse: ExplicitInverse?

    /// Condenses the symmetric step matrix; `nil` when there is no chain to eliminate or the
    /// reduced system cannot be factorised (the caller then solves densely).
    /// A reference type on purpose: it is large, built once and only read.
    public init?(matrix: DenseMatrix) {
        let n = matrix.rows
        var neighbours = [[Int]](repeating: [], count: n)
        for i in 0..<n { for j in 0..<n where i != j && matrix[i, j] != 0 { neighbours[i].append(j) } }
        var isEliminated = (0..<n).map { neighbours[$0].count <= 2 }
        // Components of the eliminated subgraph must be paths: break rings by keeping a node.
        var paths: [[Int]] = []
        while true {
            paths = []
            var visited = [Bool](repeating: false, count: n)
            var ring: Int?
            for start in 0..<n where isEliminated[start] && !visited[start] {
                // Collect the component.
                var component: [Int] = [], stack = [start]
                visited[start] = true
                while let node = stack.popLast() {
                    component.append(node)
                    for next in neighbours[node] where isEliminated[next] && !visited[next] {
                        visited[next] = true
                        stack.append(next)
                    }
                }
                func degree(_ node: Int) -> Int { neighbours[node].filter { isEliminated[$0] }.count }
                guard let end = component.first(where: { degree($0) <= 1 }) else {
                    ring = component.min()
                    break
                }
                var path = [end], previous = -1, current = end
                while let next = neighbours[current].first(where: { $0 != previous && isEliminated[$0] }) {
                    path.append(next)
                    previous = current
                    current = next
                }
                paths.append(path)
            }
            guard let ring else { break }
            isEliminated[ring] = false
        }
        guard !paths.isEmpty else { return nil }
        let keptNodes = (0..<n).filter { !isEliminated[$0] }
        var keptIndex = [Int](repeating: -1, count: n)
        for (position, node) in keptNodes.enumerated() { keptIndex[node] = position }
        let m = keptNodes.count

        var eliminatedNodes: [Int] = [], starts: [Int] = []
        var subs: [Double] = [], inverses: [Double] = [], supers: [Double] = []
        var positions: [Int] = [], keptOfAttachment: [Int] = [], values: [Double] = []
        var rKept: [Int] = [], rChain: [Int] = [], rOffset: [Int] = [], rValues: [Double] = []
        var schur = DenseMatrix(rows: m, columns: m)
        for i in 0..<m { for j in 0..<m { schur[i, j] = matrix[keptNodes[i], keptNodes[j]] } }

        for (chainIndex, path) in paths.enumerated() {
            let base = eliminatedNodes.count
            starts.append(base)
            var previousSuper = 0.0
            for (i, node) in path.enumerated() {
                let a = i > 0 ? matrix[node, path[i - 1]] : 0
                let denominator = matrix[node, node] - a * previousSuper
                guard denominator != 0, denominator.isFinite else { return nil }
                previousSuper = i + 1 < path.count ? matrix[node, path[i + 1]] / denominator : 0
                eliminatedNodes.append(node)
                subs.append(a)
                inverses.append(1 / denominator)
                supers.append(previousSuper)
                for neighbour in neighbours[node] where keptIndex[neighbour] >= 0 {
                    positions.append(base + i)
                    keptOfAttachment.append(keptIndex[neighbour])
                    values.append(matrix[node, neighbour])
                }
            }
            // Responses to each attached kept node, and their part of the Schur complement.
            let chainAttachments = positions.indices.filter { positions[$0] >= base }
            for k in Set(chainAttachments.map { keptOfAttachment[$0] }).sorted() {
                var right = [Double](repeating: 0, count: path.count)
                for index in chainAttachments where keptOfAttachment[index] == k { right[positions[index] - base] = values[index] }
                let z = Self.thomas(right, sub: Array(subs[base...]), inverse: Array(inverses[base...]), superPrime: Array(supers[base...]))
                rKept.append(k)
                rChain.append(chainIndex)
                rOffset.append(rValues.count)
                rValues += z
                for index in chainAttachments { schur[keptOfAttachment[index], k] -= values[index] * z[positions[index] - base] }
            }
        }
        starts.append(eliminatedNodes.count)
        order = n
        kept = keptNodes
        eliminated = eliminatedNodes
        chainStart = starts
        sub = subs
        inverseDenominator = inverses
        superPrime = supers
        attachmentPosition = positions
        attachmentKept = keptOfAttachment
        attachmentValue = values
        responseKept = rKept
        responseChain = rChain
        responseOffset = rOffset
        responseValues = rValues
        if m > 0 {
            guard let factorization = try? LUFactorization(schur) else { return nil }
            reduced = factorization
            reducedInverse = m <= 16 ? ExplicitInverse(factorization) : nil
        } else {
            reduced = nil
            reducedInverse = nil
        }
    }

    /// Thomas algorithm on one chain (setup only).
    private static func thomas(_ right: [Double], sub: [Double], inverse: [Double], superPrime: [Double]) -> [Double] {
        var y = right
        for i in 0..<y.count { y[i] = (right[i] - (i > 0 ? sub[i] * y[i - 1] : 0)) * inverse[i] }
        if y.count > 1 { for i in stride(from: y.count - 2, through: 0, by: -1) { y[i] -= superPrime[i] * y[i + 1] } }
        return y
    }

    /// Solves A·x = b in place, without allocating (the work space is on the stack).
    public func solve(inPlace x: inout [Double]) {
        x.withUnsafeMutableBufferPointer { solve(inPlaceBuffer: $0) }
    }

    /// Solves A·x = b in a caller-owned buffer (b on entry, x on return).
    ///
    /// The back-substitution of each chain carries its running value in a register rather than
    /// reading back the value it has just stored (the same operations, so the same bits).
    public func solve(inPlaceBuffer b: UnsafeMutableBufferPointer<Double>) {
        let e = eliminated.count, m = kept.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: e + m) { work in
            eliminated.withUnsafeBufferPointer { eliminated in
            kept.withUnsafeBufferPointer { kept in
            chainStart.withUnsafeBufferPointer { chainStart in
            sub.withUnsafeBufferPointer { sub in
            inverseDenominator.withUnsafeBufferPointer { inverse in
            superPrime.withUnsafeBufferPointer { superPrime in
                // y = A_EE⁻¹·b_E, chain by chain (Thomas: forward elimination, back-substitution).
                for c in 0..<(chainStart.count - 1) {
                    let first = chainStart[c], last = chainStart[c + 1]
                    var previous = 0.0
                    for p in first..<last {
                        previous = (b[eliminated[p]] - sub[p] * previous) * inverse[p]
                        work[p] = previous
                    }
                    var next = previous
                    var p = last - 2
                    while p >= first {
                        next = work[p] - superPrime[p] * next
                        work[p] = next
                        p -= 1
                    }
                }
                // Reduced right-hand side b_K − A_KE·y.
                for j in 0..<m { work[e + j] = b[kept[j]] }
                attachmentPosition.withUnsafeBufferPointer { position in
                attachmentKept.withUnsafeBufferPointer { keptIndex in
                attachmentValue.withUnsafeBufferPointer { value in
                    for a in 0..<position.count { work[e + keptIndex[a]] -= value[a] * work[position[a]] }
                } } }
                if let reducedInverse {
                    reducedInverse.solve(inPlaceBuffer: UnsafeMutableBufferPointer(rebasing: work[e..<(e + m)]))
                } else if let reduced, m > 0 {
                    reduced.solve(inPlaceBuffer: UnsafeMutableBufferPointer(rebasing: work[e..<(e + m)]))
                }
                for j in 0..<m { b[kept[j]] = work[e + j] }
                // x_E = y − Σ z_k·x_k.
                responseValues.withUnsafeBufferPointer { values in
                responseKept.withUnsafeBufferPointer { responseKept in
                responseChain.withUnsafeBufferPointer { responseChain in
                responseOffset.withUnsafeBufferPointer { responseOffset in
                    for r in 0..<responseKept.count {
                        let value = work[e + responseKept[r]]
                        let first = chainStart[responseChain[r]], last = chainStart[responseChain[r] + 1]
                        let offset = responseOffset[r] - first
                        for p in first..<last { work[p] -= values[offset + p] * value }
                    }
                } } } }
                for p in 0..<e { b[eliminated[p]] = work[p] }
            } } } } } }
        }
    }
}
