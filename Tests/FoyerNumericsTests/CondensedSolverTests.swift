import Testing
@testable import FoyerNumerics

@Suite("Static condensation of chains")
struct CondensedSolverNumericsTests {
    /// A star of four chains (lengths 1–4) around two coupled hub nodes, symmetric and diagonally
    /// dominant like a thermal step matrix: the condensed solve equals the dense LU solve.
    @Test func chainsAroundHubsSolveAsTheDenseLU() throws {
        var links: [(Int, Int, Double)] = [(0, 1, 2.0)]
        var next = 2
        for (length, hub) in [(1, 0), (2, 0), (3, 1), (4, 1)] {
            var previous = hub
            for k in 0..<length {
                links.append((previous, next, 1.0 + Double(k)))
                previous = next
                next += 1
            }
        }
        let n = next
        var matrix = DenseMatrix(rows: n, columns: n)
        for (a, b, g) in links {
            matrix[a, b] -= g
            matrix[b, a] -= g
            matrix[a, a] += g
            matrix[b, b] += g
        }
        for i in 0..<n { matrix[i, i] += 0.5 + Double(i % 3) }  // capacity terms
        let solver = try #require(CondensedSolver(matrix: matrix))
        #expect(solver.kept.count == 2)
        let lu = try LUFactorization(matrix)
        var generator = LinearCongruential(seed: 5)
        for _ in 0..<5 {
            let b = (0..<n).map { _ in generator.next() * 100 - 50 }
            var condensed = b, dense = b
            solver.solve(inPlace: &condensed)
            lu.solve(inPlace: &dense)
            for i in 0..<n { #expect(abs(condensed[i] - dense[i]) < 1e-10) }
        }
    }

    /// A matrix with no chain (every node linked to every other) is not condensed.
    @Test func denseMatricesAreLeftToLU() {
        let matrix = DenseMatrix(rowMajor: [[4, -1, -1, -1], [-1, 4, -1, -1], [-1, -1, 4, -1], [-1, -1, -1, 4]])
        #expect(CondensedSolver(matrix: matrix) == nil)
    }
}
