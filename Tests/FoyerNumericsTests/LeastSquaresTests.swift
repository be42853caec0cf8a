import Testing
@testable import FoyerNumerics

@Suite("Linear least squares")
struct LeastSquaresTests {
    /// Anscombe's quartet, data set I. Source: F. J. Anscombe, "Graphs in Statistical Analysis",
    /// The American Statistician 27(1), 1973, pp. 17–21: fitted line y = 3.00 + 0.500 x, R² = 0.67;
    /// standard error of the slope 0.118 (the paper's "regression sum of squares 27.51, residual
    /// 13.76 on 9 d.f."). The tolerances are half a unit of the last digit the paper prints.
    @Test func reproducesAnscombeDataSetI() throws {
        let x: [Double] = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
        let y: [Double] = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
        let design = DenseMatrix(rowMajor: x.map { [1, $0] })
        let fit = try LeastSquares.solve(design, y)
        #expect(abs(fit.coefficients[0] - 3.00) < 0.005)
        #expect(abs(fit.coefficients[1] - 0.500) < 0.0005)
        #expect(abs((fit.rSquared ?? 0) - 0.67) < 0.005)
        #expect(abs(fit.residualSumOfSquares - 13.76) < 0.005)
        #expect(abs((fit.standardErrors?[1] ?? 0) - 0.118) < 0.0005)
    }

    /// An exactly determined line through two points has zero residual and no standard errors.
    @Test func exactFitHasNoResidual() throws {
        let fit = try LeastSquares.solve(DenseMatrix(rowMajor: [[1, 0], [1, 2]]), [1, 5])
        #expect(abs(fit.coefficients[0] - 1) < 1e-12 && abs(fit.coefficients[1] - 2) < 1e-12)
        #expect(fit.residualSumOfSquares < 1e-20)
        #expect(fit.standardErrors == nil)
    }

    @Test func refusesRankDeficientDesigns() {
        // Second column is twice the first: the two coefficients cannot be told apart.
        let design = DenseMatrix(rowMajor: [[1, 2], [2, 4], [3, 6]])
        #expect(throws: LinearAlgebraError.rankDeficient) { try LeastSquares.solve(design, [1, 2, 3]) }
    }

    @Test func refusesMismatchedOrNonFiniteInput() {
        let design = DenseMatrix(rowMajor: [[1, 1], [1, 2], [1, 3]])
        #expect(throws: LinearAlgebraError.dimensionMismatch(expected: 3, actual: 2)) {
            try LeastSquares.solve(design, [1, 2])
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try LeastSquares.solve(design, [1, .infinity, 3]) }
    }
}
