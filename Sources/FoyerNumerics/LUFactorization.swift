import CLapack

/// The LU factorisation with partial pivoting of a square matrix, *P A = L U*, computed once and
/// reused for any number of right-hand sides.
///
/// This is how the thermal network is solved: the matrix of a dwelling is constant for a given
/// time step, so it is factorised once (LAPACK `dgetrf`, O(*n*³)) and every hour costs only a
/// forward and a backward substitution (O(*n*²)).
///
/// The substitutions are done in Swift on the stored factors rather than through `dgetrs`: for the
/// small systems of a dwelling (*n* ≈ 5–60) the call overhead of LAPACK matters; measurements on
/// the target machine (`../shared/reference/swift-lapack-notes.md`) show the plain loops faster at
/// *n* = 5 and level at *n* = 20 (dgetrs wins at *n* = 100). ``solveWithLAPACK(_:)`` gives the
/// `dgetrs` path for larger systems and as a cross-check in the tests; the benchmarks in
/// `Benchmarks/` measure the sizes in between.
///
/// - Complexity: factorisation O(*n*³) once; each solve O(*n*²).
public struct LUFactorization: Sendable {
    /// Order of the system.
    public let order: Int
    /// L (unit lower, below the diagonal) and U (upper, with the diagonal), column-major.
    private let factors: [Double]
    /// Zero-based row interchanges: row `i` was swapped with row `pivots[i]`.
    private let pivots: [Int]
    /// 1/U_jj: the back substitution multiplies instead of dividing (a division costs an order
    /// of magnitude more cycles than a multiplication, and a step does `order` of them).
    private let inverseDiagonal: [Double]

    /// Factorises the square matrix `matrix`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(expected:actual:)`` if not square,
    ///   ``LinearAlgebraError/nonFiniteInput`` if it holds NaN or ±∞,
    ///   ``LinearAlgebraError/singular(pivot:)`` if a pivot is exactly zero.
    public init(_ matrix: DenseMatrix) throws(LinearAlgebraError) {
        guard matrix.isSquare else { throw .dimensionMismatch(expected: matrix.rows, actual: matrix.columns) }
        guard matrix.isFinite else { throw .nonFiniteInput }
        let n = matrix.rows
        order = n
        guard n > 0 else {
            factors = []
            pivots = []
            inverseDiagonal = []
            return
        }
        var a = matrix.storage
        var ipiv = [foyer_lapack_int](repeating: 0, count: n)
        let info = a.withUnsafeMutableBufferPointer { aBuffer in
            ipiv.withUnsafeMutableBufferPointer { pivotBuffer in
                LAPACKE_dgetrf_work(
                    LAPACK_COL_MAJOR, foyer_lapack_int(n), foyer_lapack_int(n),
                    aBuffer.baseAddress, foyer_lapack_int(n), pivotBuffer.baseAddress)
            }
        }
        if info < 0 { throw .lapackArgument(routine: "dgetrf", info: Int(info)) }
        if info > 0 { throw .singular(pivot: Int(info) - 1) }
        factors = a
        pivots = ipiv.map { Int($0) - 1 }
        inverseDiagonal = (0..<n).map { 1 / a[$0 + $0 * n] }
    }

    /// Solves *A x = b* for one right-hand side.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(expected:actual:)`` if `b.count != order`.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == order else { throw .dimensionMismatch(expected: order, actual: b.count) }
        var x = b
        x.withUnsafeMutableBufferPointer { solveInPlace($0) }
        return x
    }

    /// Solves *A x = b* in place: `x` holds *b* on entry and the solution on return.
    ///
    /// The allocation-free form for the hourly loop.
    /// - Precondition: `x.count == order` (a programmer error otherwise).
    public func solve(inPlace x: inout [Double]) {
        precondition(x.count == order, "right-hand side has the wrong length")
        x.withUnsafeMutableBufferPointer { solveInPlace($0) }
    }

    /// Solves *A x = b* in a caller-owned buffer: it holds *b* on entry and *x* on return.
    /// - Precondition: `x.count == order`.
    public func solve(inPlaceBuffer x: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == order, "right-hand side has the wrong length")
        solveInPlace(x)
    }

    func solveInPlace(_ x: UnsafeMutableBufferPointer<Double>) {
        let n = order
        factors.withUnsafeBufferPointer { lu in
        inverseDiagonal.withUnsafeBufferPointer { inverse in
            // Apply the row interchanges P.
            for i in 0..<n where pivots[i] != i {
                let p = pivots[i]
                let t = x[i]; x[i] = x[p]; x[p] = t
            }
            // Forward substitution with unit lower L (column-oriented: contiguous reads).
            for j in 0..<n {
                let xj = x[j]
                if xj == 0 { continue }
                let offset = j * n
                for i in (j + 1)..<n { x[i] -= lu[offset + i] * xj }
            }
            // Backward substitution with U.
            for j in stride(from: n - 1, through: 0, by: -1) {
                let offset = j * n
                x[j] *= inverse[j]
                let xj = x[j]
                if xj == 0 { continue }
                for i in 0..<j { x[i] -= lu[offset + i] * xj }
            }
        }
        }
    }

    /// Solves *A X = B* for the columns of `b` with LAPACK `dgetrs`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(expected:actual:)`` if `b.rows != order`.
    public func solveWithLAPACK(_ b: DenseMatrix) throws(LinearAlgebraError) -> DenseMatrix {
        guard b.rows == order else { throw .dimensionMismatch(expected: order, actual: b.rows) }
        guard order > 0, b.columns > 0 else { return b }
        var x = b.storage
        var lu = factors
        var ipiv = pivots.map { foyer_lapack_int($0 + 1) }
        let info = x.withUnsafeMutableBufferPointer { xBuffer in
            lu.withUnsafeMutableBufferPointer { luBuffer in
                ipiv.withUnsafeMutableBufferPointer { pivotBuffer in
                    LAPACKE_dgetrs_work(
                        LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), foyer_lapack_int(order),
                        foyer_lapack_int(b.columns), luBuffer.baseAddress, foyer_lapack_int(order),
                        pivotBuffer.baseAddress, xBuffer.baseAddress, foyer_lapack_int(order))
                }
            }
        }
        if info != 0 { throw .lapackArgument(routine: "dgetrs", info: Int(info)) }
        return DenseMatrix(rows: order, columns: b.columns, columnMajor: x)
    }

    /// Estimated reciprocal condition number in the 1-norm (LAPACK `dgecon`): near 0 means the
    /// results are sensitive to rounding; below about 1e-12 they should not be trusted.
    /// - Parameter oneNorm: the 1-norm of the original matrix (``DenseMatrix/oneNorm``).
    public func reciprocalConditionNumber(oneNorm: Double) -> Double {
        guard order > 0 else { return 1 }
        var lu = factors
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 4 * order)
        var iwork = [foyer_lapack_int](repeating: 0, count: order)
        let info = lu.withUnsafeMutableBufferPointer { luBuffer in
            work.withUnsafeMutableBufferPointer { workBuffer in
                iwork.withUnsafeMutableBufferPointer { iworkBuffer in
                    LAPACKE_dgecon_work(
                        LAPACK_COL_MAJOR, CChar(UInt8(ascii: "1")), foyer_lapack_int(order),
                        luBuffer.baseAddress, foyer_lapack_int(order), oneNorm, &rcond,
                        workBuffer.baseAddress, iworkBuffer.baseAddress)
                }
            }
        }
        return info == 0 ? rcond : 0
    }
}

extension DenseMatrix {
    /// The 1-norm: the largest sum of absolute values of a column.
    public var oneNorm: Double {
        var best = 0.0
        for j in 0..<columns {
            var sum = 0.0
            for i in 0..<rows { sum += abs(self[i, j]) }
            best = max(best, sum)
        }
        return best
    }
}
