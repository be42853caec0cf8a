import Testing
@testable import FoyerNumerics

@Suite("Explicit inverse of small systems")
struct ExplicitInverseTests {
    /// A = [[4, 1], [2, 3]] has det 10 and A⁻¹ = [[0.3, −0.1], [−0.2, 0.4]] (by hand), so
    /// A·x = b gives x = (0.3·b₀ − 0.1·b₁, −0.2·b₀ + 0.4·b₁), one column at a time or many.
    @Test func solvesOneAndManyRightHandSidesAsTheHandInverse() throws {
        let lu = try LUFactorization(DenseMatrix(rowMajor: [[4, 1], [2, 3]]))
        let inverse = ExplicitInverse(lu)
        let rightHandSides: [[Double]] = [[1, 0], [0, 1], [10, -5], [3.5, 7.25]]
        var columns = rightHandSides.flatMap { $0 }
        columns.withUnsafeMutableBufferPointer { inverse.solve(columns: $0, count: rightHandSides.count) }
        for (k, b) in rightHandSides.enumerated() {
            let expected = [0.3 * b[0] - 0.1 * b[1], -0.2 * b[0] + 0.4 * b[1]]
            var single = b
            single.withUnsafeMutableBufferPointer { inverse.solve(inPlaceBuffer: $0) }
            for i in 0..<2 {
                #expect(abs(single[i] - expected[i]) < 1e-14)
                #expect(abs(columns[2 * k + i] - expected[i]) < 1e-14)
            }
        }
    }
}
