/// The inverse of a small matrix, formed once from its LU factors (columns A⁻¹·e_j), so that each
/// solve is one matrix–vector product: no pivoting and no division in the hot loop.
///
/// For systems of a few unknowns solved thousands of times (a 5R1C zone, the reduced system of a
/// condensed network) this is faster than back-substitution; it is meant for orders up to a few
/// tens, where forming the inverse costs nothing and its rounding stays at the level of the LU's.
/// - Complexity: O(n³) once; each solve O(n²).
public struct ExplicitInverse: Sendable {
    /// Order of the system.
    public let order: Int
    /// A⁻¹, column-major.
    private let values: [Double]

    public init(_ lu: LUFactorization) {
        let n = lu.order
        var inverse = [Double](repeating: 0, count: n * n)
        var column = [Double](repeating: 0, count: n)
        for j in 0..<n {
            for i in 0..<n { column[i] = i == j ? 1 : 0 }
            lu.solve(inPlace: &column)
            for i in 0..<n { inverse[i + j * n] = column[i] }
        }
        order = n
        values = inverse
    }

    /// Solves A·x = b in a caller-owned buffer (b on entry, x on return).
    /// - Precondition: `x.count == order`.
    public func solve(inPlaceBuffer x: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == order, "right-hand side has the wrong length")
        let n = order
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { b in
            for i in 0..<n { b[i] = x[i]; x[i] = 0 }
            values.withUnsafeBufferPointer { inverse in
                for j in 0..<n {
                    let bj = b[j]
                    for i in 0..<n { x[i] += inverse[i + j * n] * bj }
                }
            }
        }
    }

    /// Solves A·X = B for `count` right-hand sides stored one after the other in `columns`
    /// (B on entry, X on return): the same products as ``solve(inPlaceBuffer:)`` column by
    /// column, with one scratch column for all of them.
    /// - Precondition: `columns.count == order * count`.
    public func solve(columns: UnsafeMutableBufferPointer<Double>, count: Int) {
        precondition(columns.count == order * count, "right-hand sides have the wrong length")
        let n = order
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { b in
            values.withUnsafeBufferPointer { inverse in
                for column in 0..<count {
                    let x = UnsafeMutableBufferPointer(rebasing: columns[(column * n)..<((column + 1) * n)])
                    for i in 0..<n { b[i] = x[i]; x[i] = 0 }
                    for j in 0..<n {
                        let bj = b[j]
                        for i in 0..<n { x[i] += inverse[i + j * n] * bj }
                    }
                }
            }
        }
    }
}
