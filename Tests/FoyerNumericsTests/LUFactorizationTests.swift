import Testing
@testable import FoyerNumerics

@Suite("LU factorisation: factorise once, solve many")
struct LUFactorizationTests {
    /// A 3×3 system whose solution is known exactly: x = (1, −2, 3) with
    /// A = [[2, 1, −1], [−3, −1, 2], [−2, 1, 2]] gives b = (−3, 5, 2)... computed by hand:
    /// row 1: 2 − 2 − 3 = −3; row 2: −3 + 2 + 6 = 5; row 3: −2 − 2 + 6 = 2.
    @Test func solvesAHandCheckedSystem() throws {
        let a = DenseMatrix(rowMajor: [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
        let lu = try LUFactorization(a)
        let x = try lu.solve([-3, 5, 2])
        // Exact arithmetic gives integers; 1e-12 allows for rounding in a 3×3 elimination.
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] + 2) < 1e-12 && abs(x[2] - 3) < 1e-12)
    }

    /// Pivoting is needed: the first pivot is zero.
    @Test func pivotsAroundAZeroLeadingElement() throws {
        let a = DenseMatrix(rowMajor: [[0, 1], [1, 0]])
        let x = try LUFactorization(a).solve([7, 9])
        #expect(x == [9, 7])
    }

    /// The Swift substitution and LAPACK dgetrs agree, and A·x reproduces b, for a diagonally
    /// dominant matrix of the size a dwelling network has (n = 40) and many right-hand sides.
    @Test func swiftSubstitutionAgreesWithDgetrs() throws {
        let n = 40
        var a = DenseMatrix(rows: n, columns: n)
        var generator = LinearCongruential(seed: 42)
        for i in 0..<n {
            var rowSum = 0.0
            for j in 0..<n where j != i {
                let value = generator.next() - 0.5
                a[i, j] = value
                rowSum += abs(value)
            }
            a[i, i] = rowSum + 1
        }
        let lu = try LUFactorization(a)
        var rhs = DenseMatrix(rows: n, columns: 5)
        for j in 0..<5 { for i in 0..<n { rhs[i, j] = generator.next() * 100 } }
        let lapack = try lu.solveWithLAPACK(rhs)
        for j in 0..<5 {
            let b = (0..<n).map { rhs[$0, j] }
            var x = b
            lu.solve(inPlace: &x)
            let residual = zip(a.multiplied(by: x), b).map { abs($0 - $1) }.max() ?? 0
            #expect(residual < 1e-10)
            for i in 0..<n { #expect(abs(x[i] - lapack[i, j]) < 1e-12) }
        }
        // A diagonally dominant matrix is well conditioned.
        #expect(lu.reciprocalConditionNumber(oneNorm: a.oneNorm) > 1e-3)
    }

    @Test func refusesSingularMatrices() {
        let a = DenseMatrix(rowMajor: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(pivot: 1)) { try LUFactorization(a) }
    }

    @Test func refusesNonFiniteAndNonSquareInput() {
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try LUFactorization(DenseMatrix(rowMajor: [[1, .nan], [0, 1]]))
        }
        #expect(throws: LinearAlgebraError.dimensionMismatch(expected: 2, actual: 3)) {
            try LUFactorization(DenseMatrix(rows: 2, columns: 3))
        }
        #expect(throws: LinearAlgebraError.dimensionMismatch(expected: 2, actual: 3)) {
            try LUFactorization(DenseMatrix.identity(2)).solve([1, 2, 3])
        }
    }

    @Test func matrixStorageIsColumnMajor() {
        let a = DenseMatrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.storage == [1, 4, 2, 5, 3, 6])
        #expect(a.multiplied(by: [1, 1, 1]) == [6, 15])
        #expect(a.oneNorm == 9)
    }
}

/// A tiny deterministic generator for test matrices (Numerical Recipes LCG constants).
struct LinearCongruential {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}
