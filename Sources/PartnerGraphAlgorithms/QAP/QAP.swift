import Foundation
import PartnerGraphKernels

/// A value for every pair of distinct nodes: ties of one relation, tie weights, or a dyadic
/// covariate ("same country", "difference in staff"). Symmetric matrices hold one value per
/// unordered pair (R's `sna` mode "graph"), others one per ordered pair (mode "digraph"); the
/// diagonal is never used (`diag = FALSE`).
public struct DyadMatrix: Sendable, Equatable {
    public let nodeCount: Int
    public let symmetric: Bool
    /// Row-major n × n values; the diagonal is ignored.
    public var values: [Double]

    public init(nodeCount: Int, symmetric: Bool, values: [Double]) {
        precondition(values.count == nodeCount * nodeCount)
        self.nodeCount = nodeCount
        self.symmetric = symmetric
        self.values = values
    }

    public subscript(i: Int, j: Int) -> Double { values[i * nodeCount + j] }
}

/// The pairs a QAP analysis runs over: ordered pairs i ≠ j, or i < j when symmetric.
struct Dyads {
    let n: Int
    let symmetric: Bool
    let first: [Int32]
    let second: [Int32]

    init(n: Int, symmetric: Bool) {
        self.n = n
        self.symmetric = symmetric
        var a: [Int32] = [], b: [Int32] = []
        for i in 0..<n {
            for j in 0..<n where i != j && (!symmetric || i < j) {
                a.append(Int32(i)); b.append(Int32(j))
            }
        }
        first = a
        second = b
    }

    var count: Int { first.count }

    /// The matrix's values over the dyads, optionally with rows and columns permuted:
    /// value(d) = M[π(i), π(j)].
    func vector(_ m: DyadMatrix, permutation: [Int]? = nil) -> [Double] {
        (0..<count).map { d in
            let i = Int(first[d]), j = Int(second[d])
            if let p = permutation { return m[p[i], p[j]] }
            return m[i, j]
        }
    }

    /// A vector over the dyads back as a matrix (the other triangle mirrored when symmetric).
    func matrix(_ v: [Double]) -> DyadMatrix {
        var values = [Double](repeating: 0, count: n * n)
        for d in 0..<count {
            let i = Int(first[d]), j = Int(second[d])
            values[i * n + j] = v[d]
            if symmetric { values[j * n + i] = v[d] }
        }
        return DyadMatrix(nodeCount: n, symmetric: symmetric, values: values)
    }
}

/// A uniformly random permutation of 0..<n.
func randomPermutation(_ n: Int, _ rng: inout SeededGenerator) -> [Int] {
    var p = Array(0..<n)
    p.seededShuffle(using: &rng)
    return p
}

func pearson(_ x: [Double], _ y: [Double]) -> Double? {
    let n = Double(x.count)
    guard n > 1 else { return nil }
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for k in x.indices {
        let a = x[k] - mx, b = y[k] - my
        sxy += a * b; sxx += a * a; syy += b * b
    }
    guard sxx > 0, syy > 0 else { return nil }
    return sxy / (sxx * syy).squareRoot()
}

/// QAP correlation (D. Krackhardt, "QAP partialling as a test of spuriousness", Social Networks
/// 9, 1987): the Pearson correlation of two matrices over the dyads (R's `sna::gcor`), tested
/// against `permutations` relabellings of the second matrix's rows and columns (`sna::qaptest`
/// with `rmperm`). Permutation `i` draws from `SeededGenerator(seed: seed, stream: i)`.
public func qapCorrelation(_ a: DyadMatrix, _ b: DyadMatrix, permutations: Int, seed: UInt64,
                           maxThreads: Int = 0) throws -> (correlation: Double?, test: NullComparison?) {
    guard a.nodeCount == b.nodeCount, a.symmetric == b.symmetric else {
        throw AlgorithmError.invalidParameter(name: "matrices", reason: "must have the same nodes and the same symmetry")
    }
    guard permutations >= 0 else { throw AlgorithmError.invalidParameter(name: "permutations", reason: "must be at least 0") }
    let dyads = Dyads(n: a.nodeCount, symmetric: a.symmetric)
    let x = dyads.vector(a)
    guard let r = pearson(x, dyads.vector(b)) else { return (nil, nil) }
    guard permutations > 0 else { return (r, nil) }
    let values = parallelMap(permutations, maxThreads: maxThreads, work: dyads.count,
                             finished: AlgorithmProgress.reporter(of: permutations)) { i -> Double? in
        var rng = SeededGenerator(seed: seed, stream: UInt64(i))
        return pearson(x, dyads.vector(b, permutation: randomPermutation(a.nodeCount, &rng)))
    }
    return (r, NullComparison(observed: r, null: values.map { $0 ?? nil }))
}

/// A QAP regression: ordinary least squares of one matrix on others, with permutation tests.
public struct QAPRegression: Sendable {
    /// Intercept first, then one per predictor.
    public var coefficients: [Double]
    public var standardErrors: [Double]
    public var tValues: [Double]
    public var rSquared: Double
    public var adjustedRSquared: Double
    public var dyads: Int
    /// The permutation test of each t-value (intercept first): its null distribution under
    /// Dekker, Krackhardt and Snijders' semi-partialling plus (`sna::netlm`'s default "qap").
    public var tests: [NullComparison?]
}

/// Least squares of y on the columns of X (each a vector over the dyads): coefficients,
/// standard errors and t-values; nil when X'X is singular.
func leastSquares(_ y: [Double], _ columns: [[Double]]) -> (b: [Double], se: [Double], t: [Double], rss: Double)? {
    let p = columns.count, n = y.count
    guard n > p else { return nil }
    // Normal equations, solved by Gauss–Jordan with partial pivoting on [X'X | I | X'y].
    var a = [[Double]](repeating: [Double](repeating: 0, count: 2 * p + 1), count: p)
    for r in 0..<p {
        for c in 0..<p {
            var s = 0.0
            for k in 0..<n { s += columns[r][k] * columns[c][k] }
            a[r][c] = s
        }
        a[r][p + r] = 1
        var s = 0.0
        for k in 0..<n { s += columns[r][k] * y[k] }
        a[r][2 * p] = s
    }
    // A column is collinear with the earlier ones when what elimination leaves of its squared
    // norm is a rounding-level share of that norm (each column against its own scale, so a
    // predictor in millions does not make one in units look collinear).
    let norms = (0..<p).map { a[$0][$0] }
    for c in 0..<p {
        var pivot = c
        for r in c..<p where abs(a[r][c]) > abs(a[pivot][c]) { pivot = r }
        guard abs(a[pivot][c]) > 1e-10 * max(norms[c], 1e-300) else { return nil }
        a.swapAt(c, pivot)
        let d = a[c][c]
        for k in 0...(2 * p) { a[c][k] /= d }
        for r in 0..<p where r != c {
            let f = a[r][c]
            if f != 0 { for k in 0...(2 * p) { a[r][k] -= f * a[c][k] } }
        }
    }
    let b = (0..<p).map { a[$0][2 * p] }
    var rss = 0.0
    for k in 0..<n {
        var fit = 0.0
        for c in 0..<p { fit += b[c] * columns[c][k] }
        rss += (y[k] - fit) * (y[k] - fit)
    }
    let sigma2 = rss / Double(n - p)
    let se = (0..<p).map { (sigma2 * a[$0][p + $0]).squareRoot() }
    let t = (0..<p).map { se[$0] > 0 ? b[$0] / se[$0] : .nan }
    return (b, se, t, rss)
}

/// QAP regression (D. Krackhardt, "Predicting with networks", Social Networks 10, 1988; the
/// numbers of R's `sna::netlm(y, x, intercept = TRUE, diag = FALSE, nullhyp = "qap",
/// test.statistic = "t-value")`): the least-squares fit of `y` on an intercept and `x` over the
/// dyads, and for each coefficient the permutation distribution of its t-value by
/// semi-partialling plus (Dekker, Krackhardt & Snijders, Psychometrika 72, 2007): the
/// predictor is replaced by its residual on the other predictors, whose rows and columns are
/// permuted. Permutation `i` of coefficient `k` draws from `SeededGenerator(seed: seed,
/// stream: k × permutations + i)`.
public func qapRegression(y: DyadMatrix, x: [DyadMatrix], permutations: Int, seed: UInt64,
                          maxThreads: Int = 0) throws -> QAPRegression {
    guard !x.isEmpty else { throw AlgorithmError.invalidParameter(name: "x", reason: "needs at least one predictor") }
    guard x.allSatisfy({ $0.nodeCount == y.nodeCount && $0.symmetric == y.symmetric }) else {
        throw AlgorithmError.invalidParameter(name: "matrices", reason: "must have the same nodes and the same symmetry")
    }
    guard permutations >= 0 else { throw AlgorithmError.invalidParameter(name: "permutations", reason: "must be at least 0") }
    let n = y.nodeCount
    let dyads = Dyads(n: n, symmetric: y.symmetric)
    let yv = dyads.vector(y)
    let ones = [Double](repeating: 1, count: dyads.count)
    let columns = [ones] + x.map { dyads.vector($0) }
    guard let fit = leastSquares(yv, columns) else {
        throw AlgorithmError.unsupported(measure: "QAP regression", reason: "the predictors are collinear (or constant) over the pairs")
    }
    let mean = yv.reduce(0, +) / Double(yv.count)
    let tss = yv.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let r2 = tss > 0 ? 1 - fit.rss / tss : 0
    let p = columns.count
    let adjusted = 1 - (1 - r2) * Double(dyads.count - 1) / Double(dyads.count - p)

    var tests: [NullComparison?] = []
    for k in 0..<p {
        guard permutations > 0 else { tests.append(nil); continue }
        let others = (0..<p).filter { $0 != k }.map { columns[$0] }
        // The residual of predictor k on the others (the intercept's residual is 0 whenever
        // another column is a constant: then there is nothing to permute).
        guard let partial = leastSquares(columns[k], others.isEmpty ? [ones] : others) else { tests.append(nil); continue }
        let base = others.isEmpty ? [ones] : others
        var residual = columns[k]
        for d in 0..<dyads.count {
            var f = 0.0
            for c in base.indices { f += partial.b[c] * base[c][d] }
            residual[d] -= f
        }
        let e = dyads.matrix(residual)
        let stream = UInt64(k * permutations)
        let values = parallelMap(permutations, maxThreads: maxThreads, work: dyads.count * p * p,
                                 finished: AlgorithmProgress.reporter(of: permutations)) { i -> Double? in
            var rng = SeededGenerator(seed: seed, stream: stream + UInt64(i))
            let permuted = dyads.vector(e, permutation: randomPermutation(n, &rng))
            var design = columns
            design[k] = permuted
            guard let f = leastSquares(yv, design), f.t[k].isFinite else { return nil }
            return f.t[k]
        }
        tests.append(NullComparison(observed: fit.t[k], null: values.map { $0 ?? nil }))
    }
    return QAPRegression(coefficients: fit.b, standardErrors: fit.se, tValues: fit.t, rSquared: r2,
                         adjustedRSquared: adjusted, dyads: dyads.count, tests: tests)
}
