/// Σ x[index[k]] for k in lo..<hi over one CSR row, four accumulators for instruction-level
/// parallelism, summed in one fixed order: the pull step of PageRank, eigenvector and Katz
/// centrality, and betweenness's sums of σ and of the dependency coefficients.
@inlinable @inline(__always)
public func gatherRowSum(
    _ x: UnsafeMutablePointer<Double>, _ index: UnsafePointer<Int32>, _ lo: Int, _ hi: Int
) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var k = lo
    while k &+ 4 <= hi {
        s0 += x[Int(index[k])]
        s1 += x[Int(index[k &+ 1])]
        s2 += x[Int(index[k &+ 2])]
        s3 += x[Int(index[k &+ 3])]
        k &+= 4
    }
    while k < hi {
        s0 += x[Int(index[k])]
        k &+= 1
    }
    return (s0 + s1) + (s2 + s3)
}

/// `gatherRowSum` over a row buffer.
@inlinable @inline(__always)
public func gatherRowSum(
    _ x: UnsafeMutablePointer<Double>, _ nbr: UnsafeBufferPointer<Int32>, _ lo: Int, _ hi: Int
) -> Double {
    guard lo < hi else { return 0 }  // an empty buffer has no base address
    return gatherRowSum(x, nbr.baseAddress.unsafelyUnwrapped, lo, hi)
}

/// Σ x[nbr[k]] · w[k] for k in lo..<hi, four accumulators.
@inlinable @inline(__always)
public func gatherWeightedRowSum(
    _ x: UnsafeMutablePointer<Double>, _ nbr: UnsafeBufferPointer<Int32>, _ w: UnsafeBufferPointer<Double>,
    _ lo: Int, _ hi: Int
) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var k = lo
    while k + 4 <= hi {
        s0 += x[Int(nbr[k])] * w[k]
        s1 += x[Int(nbr[k + 1])] * w[k + 1]
        s2 += x[Int(nbr[k + 2])] * w[k + 2]
        s3 += x[Int(nbr[k + 3])] * w[k + 3]
        k += 4
    }
    while k < hi { s0 += x[Int(nbr[k])] * w[k]; k += 1 }
    return (s0 + s1) + (s2 + s3)
}
