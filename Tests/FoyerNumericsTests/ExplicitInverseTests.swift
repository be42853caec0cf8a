import Foundation
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

    /// The product runs on blocks of four rows; each x_i must still be the scalar sum
    /// Σ_j (A⁻¹)_ij·b_j taken in the order of j, bit for bit, for every order (the padded rows
    /// of the last block, and the orders above 16 that go through memory, included).
    @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 17, 23])
    func blockedProductEqualsTheScalarSumBitForBit(order n: Int) throws {
        // A diagonally dominant, non-symmetric matrix with irrational-looking entries.
        var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                let phase = Double(3 * i + 7 * j + 1)
                rows[i][j] = i == j ? Double(n) + 1.5 : sin(phase)
            }
        }
        let lu = try LUFactorization(DenseMatrix(rowMajor: rows))
        let inverse = ExplicitInverse(lu)
        var columns: [[Double]] = []
        for j in 0..<n {
            var column = [Double](repeating: 0, count: n)
            column[j] = 1
            lu.solve(inPlace: &column)
            columns.append(column)
        }
        let b = (0..<n).map { cos(Double($0) * 1.7) * 100 }
        var expected = [Double](repeating: 0, count: n)
        for j in 0..<n { for i in 0..<n { expected[i] += columns[j][i] * b[j] } }
        var x = b
        x.withUnsafeMutableBufferPointer { inverse.solve(inPlaceBuffer: $0) }
        #expect(x.map(\.bitPattern) == expected.map(\.bitPattern))
        var many = b + b.map { -$0 }
        many.withUnsafeMutableBufferPointer { inverse.solve(columns: $0, count: 2) }
        #expect(Array(many[0..<n]).map(\.bitPattern) == expected.map(\.bitPattern))
        var negated = [Double](repeating: 0, count: n)
        for j in 0..<n { for i in 0..<n { negated[i] += columns[j][i] * -b[j] } }
        #expect(Array(many[n...]).map(\.bitPattern) == negated.map(\.bitPattern))
    }
}
