import CLapack

/// The solution of a linear least-squares problem min ‖*A x* − *b*‖₂ with its fit statistics.
public struct LeastSquaresFit: Sendable, Equatable {
    /// The fitted coefficients *x*, one per column of *A*.
    public var coefficients: [Double]
    /// Residual sum of squares ‖*A x* − *b*‖₂².
    public var residualSumOfSquares: Double
    /// Coefficient of determination *R*² = 1 − RSS/TSS (TSS about the mean of *b*); `nil` when
    /// *b* is constant.
    public var rSquared: Double?
    /// Standard errors of the coefficients, √(σ² · diag((AᵀA)⁻¹)) with σ² = RSS/(m − n);
    /// `nil` when there are no degrees of freedom left (m = n).
    public var standardErrors: [Double]?
    /// (AᵀA)⁻¹, the covariance of the coefficients divided by σ²: the parameters' correlations
    /// are read from it. `nil` when there are no degrees of freedom left (m = n).
    public var unscaledCovariance: DenseMatrix? = nil
}

/// Linear least squares through LAPACK.
public enum LeastSquares {
    /// Solves min ‖*A x* − *b*‖₂ for a full-column-rank *A* (m ≥ n) by QR factorisation
    /// (LAPACK `dgels`), and computes the fit statistics.
    ///
    /// Used by the bills regression (degree-day models) and by calibration.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(expected:actual:)`` if `b.count != A.rows`
    ///   or there are fewer rows than columns, ``LinearAlgebraError/nonFiniteInput``,
    ///   ``LinearAlgebraError/rankDeficient`` if a column is a combination of the others.
    /// - Complexity: O(m n²).
    public static func solve(_ a: DenseMatrix, _ b: [Double]) throws(LinearAlgebraError) -> LeastSquaresFit {
        let m = a.rows, n = a.columns
        guard b.count == m else { throw .dimensionMismatch(expected: m, actual: b.count) }
        guard m >= n, n > 0 else { throw .dimensionMismatch(expected: n, actual: m) }
        guard a.isFinite, b.allSatisfy(\.isFinite) else { throw .nonFiniteInput }

        var qr = a.storage
        var rhs = b
        // Workspace query then solve.
        var workSize = 0.0
        var info = qr.withUnsafeMutableBufferPointer { qrBuffer in
            rhs.withUnsafeMutableBufferPointer { rhsBuffer in
                LAPACKE_dgels_work(
                    LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), foyer_lapack_int(m), foyer_lapack_int(n), 1,
                    qrBuffer.baseAddress, foyer_lapack_int(m), rhsBuffer.baseAddress, foyer_lapack_int(m),
                    &workSize, -1)
            }
        }
        if info != 0 { throw .lapackArgument(routine: "dgels", info: Int(info)) }
        let workCount = max(1, Int(workSize))
        var work = [Double](repeating: 0, count: workCount)
        info = qr.withUnsafeMutableBufferPointer { qrBuffer in
            rhs.withUnsafeMutableBufferPointer { rhsBuffer in
                work.withUnsafeMutableBufferPointer { workBuffer in
                    LAPACKE_dgels_work(
                        LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), foyer_lapack_int(m), foyer_lapack_int(n), 1,
                        qrBuffer.baseAddress, foyer_lapack_int(m), rhsBuffer.baseAddress, foyer_lapack_int(m),
                        workBuffer.baseAddress, foyer_lapack_int(workCount))
                }
            }
        }
        if info < 0 { throw .lapackArgument(routine: "dgels", info: Int(info)) }
        if info > 0 { throw .rankDeficient }

        // R is in the upper triangle of qr; a negligible diagonal means numerical rank deficiency.
        var maxDiagonal = 0.0
        for k in 0..<n { maxDiagonal = max(maxDiagonal, abs(qr[k + k * m])) }
        for k in 0..<n where abs(qr[k + k * m]) <= maxDiagonal * Double(max(m, n)) * Double.ulpOfOne {
            throw .rankDeficient
        }

        let coefficients = Array(rhs.prefix(n))
        let fitted = a.multiplied(by: coefficients)
        var rss = 0.0
        for i in 0..<m { rss += (b[i] - fitted[i]) * (b[i] - fitted[i]) }
        let mean = b.reduce(0, +) / Double(m)
        let tss = b.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let rSquared: Double? = tss > 0 ? 1 - rss / tss : nil

        var standardErrors: [Double]?
        var covariance: DenseMatrix?
        if m > n {
            // (AᵀA)⁻¹ = R⁻¹ R⁻ᵀ; its diagonal entry k is the squared norm of row k of R⁻¹.
            let sigma2 = rss / Double(m - n)
            var rInverse = DenseMatrix(rows: n, columns: n)
            for j in 0..<n {  // column j of R⁻¹ by back substitution of e_j
                for i in stride(from: j, through: 0, by: -1) {
                    var sum = i == j ? 1.0 : 0.0
                    for k in (i + 1)..<(j + 1) { sum -= qr[i + k * m] * rInverse[k, j] }
                    rInverse[i, j] = sum / qr[i + i * m]
                }
            }
            var product = DenseMatrix(rows: n, columns: n)
            for row in 0..<n {
                for column in 0..<n {
                    var sum = 0.0
                    for j in 0..<n { sum += rInverse[row, j] * rInverse[column, j] }
                    product[row, column] = sum
                }
            }
            covariance = product
            standardErrors = (0..<n).map { k in (sigma2 * product[k, k]).squareRoot() }
        }
        return LeastSquaresFit(
            coefficients: coefficients, residualSumOfSquares: rss, rSquared: rSquared, standardErrors: standardErrors,
            unscaledCovariance: covariance)
    }
}
