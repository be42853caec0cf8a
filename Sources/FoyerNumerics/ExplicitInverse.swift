/// The inverse of a small matrix, formed once from its LU factors (columns A⁻¹·e_j), so that each
/// solve is one matrix–vector product: no pivoting and no division in the hot loop.
///
/// For systems of a few unknowns solved thousands of times (a 5R1C zone, the reduced system of a
/// condensed network) this is faster than back-substitution; it is meant for orders up to a few
/// tens, where forming the inverse costs nothing and its rounding stays at the level of the LU's.
///
/// The columns are kept in blocks of four rows (`SIMD4`, the last block padded with zeros), so
/// that for orders up to 16 the product runs on at most four vector accumulators held in
/// registers. Each x_i is still Σ_j (A⁻¹)_ij·b_j added in the order of j, from zero, with a
/// multiplication and an addition per term: the same operations, so the same bits, as the
/// scalar product.
/// - Complexity: O(n³) once; each solve O(n²).
public struct ExplicitInverse: Sendable {
    /// Order of the system.
    public let order: Int
    /// Blocks of four rows per column: column j, block q at `j * blockCount + q`.
    private let blocks: [SIMD4<Double>]
    /// ⌈order / 4⌉.
    private let blockCount: Int

    public init(_ lu: LUFactorization) {
        let n = lu.order
        let blockCount = (n + 3) / 4
        var blocks = [SIMD4<Double>](repeating: .zero, count: n * blockCount)
        var column = [Double](repeating: 0, count: n)
        for j in 0..<n {
            for i in 0..<n { column[i] = i == j ? 1 : 0 }
            lu.solve(inPlace: &column)
            for i in 0..<n { blocks[j * blockCount + i / 4][i % 4] = column[i] }
        }
        order = n
        self.blockCount = blockCount
        self.blocks = blocks
    }

    /// (A⁻¹)_ij at `i + j * order` (column-major), for a caller that forms the same products
    /// itself, one term after the other in the order of j.
    public var columnMajorValues: [Double] {
        var values = [Double](repeating: 0, count: order * order)
        for j in 0..<order { for i in 0..<order { values[i + j * order] = blocks[j * blockCount + i / 4][i % 4] } }
        return values
    }

    /// Solves A·x = b in a caller-owned buffer (b on entry, x on return).
    /// - Precondition: `x.count == order`.
    public func solve(inPlaceBuffer x: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == order, "right-hand side has the wrong length")
        blocks.withUnsafeBufferPointer { multiply(x, by: $0) }
    }

    /// Solves A·X = B for `count` right-hand sides stored one after the other in `columns`
    /// (B on entry, X on return): the same products as ``solve(inPlaceBuffer:)`` column by
    /// column.
    /// - Precondition: `columns.count == order * count`.
    public func solve(columns: UnsafeMutableBufferPointer<Double>, count: Int) {
        precondition(columns.count == order * count, "right-hand sides have the wrong length")
        let n = order
        blocks.withUnsafeBufferPointer { blocks in
            for column in 0..<count {
                multiply(UnsafeMutableBufferPointer(rebasing: columns[(column * n)..<((column + 1) * n)]), by: blocks)
            }
        }
    }

    /// x ← A⁻¹·x. Every b_j is read before any x_i is written (the accumulators hold the
    /// products), so no copy of b is needed.
    @inline(__always)
    private func multiply(_ x: UnsafeMutableBufferPointer<Double>, by blocks: UnsafeBufferPointer<SIMD4<Double>>) {
        let n = order
        var a0 = SIMD4<Double>.zero, a1 = SIMD4<Double>.zero, a2 = SIMD4<Double>.zero, a3 = SIMD4<Double>.zero
        switch blockCount {
        case 0:
            return
        case 1:
            for j in 0..<n { a0 += blocks[j] * SIMD4(repeating: x[j]) }
        case 2:
            for j in 0..<n {
                let b = SIMD4(repeating: x[j]), c = 2 * j
                a0 += blocks[c] * b; a1 += blocks[c + 1] * b
            }
        case 3:
            for j in 0..<n {
                let b = SIMD4(repeating: x[j]), c = 3 * j
                a0 += blocks[c] * b; a1 += blocks[c + 1] * b; a2 += blocks[c + 2] * b
            }
        case 4:
            for j in 0..<n {
                let b = SIMD4(repeating: x[j]), c = 4 * j
                a0 += blocks[c] * b; a1 += blocks[c + 1] * b; a2 += blocks[c + 2] * b; a3 += blocks[c + 3] * b
            }
        default:
            // Larger orders: the same sums, block by block through memory.
            let q = blockCount
            withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: q) { sums in
                for k in 0..<q { sums[k] = .zero }
                for j in 0..<n {
                    let b = SIMD4(repeating: x[j])
                    for k in 0..<q { sums[k] += blocks[j * q + k] * b }
                }
                for i in 0..<n { x[i] = sums[i / 4][i % 4] }
            }
            return
        }
        for i in 0..<n {
            let block = i < 8 ? (i < 4 ? a0 : a1) : (i < 12 ? a2 : a3)
            x[i] = block[i & 3]
        }
    }
}
