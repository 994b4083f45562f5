import Testing
@testable import PartnerGraphAlgorithms

/// Properties of least squares that hold whatever the data: a predictor in millions is as
/// usable as one in units (its coefficient scales by 1e-6, its t-value stays), and a perfect
/// fit has t-values but no p-values.
@Suite struct QAPTests {
    private func matrix(_ n: Int, _ value: (Int, Int) -> Double) -> DyadMatrix {
        DyadMatrix(nodeCount: n, symmetric: false, values: (0..<(n * n)).map { value($0 / n, $0 % n) })
    }

    @Test func scaleOfAPredictorDoesNotMatter() throws {
        var rng = SeededGenerator(seed: 3)
        let n = 10
        let budget = (0..<n).map { _ in 1 + rng.nextDouble() * 9 }
        let same = (0..<n).map { _ in rng.nextInt(below: 2) }
        let y = matrix(n) { i, j in Double((i * 7 + j * 3) % 2) }
        let x1 = matrix(n) { i, j in same[i] == same[j] ? 1 : 0 }
        let units = matrix(n) { i, j in abs(budget[i] - budget[j]) }
        let millions = matrix(n) { i, j in abs(budget[i] - budget[j]) * 1e6 }
        let a = try qapRegression(y: y, x: [x1, units], permutations: 0, seed: 0)
        let b = try qapRegression(y: y, x: [x1, millions], permutations: 0, seed: 0)
        #expect(abs(b.coefficients[2] * 1e6 - a.coefficients[2]) <= 1e-9 * abs(a.coefficients[2]))
        #expect(abs(b.tValues[2] - a.tValues[2]) <= 1e-8 * abs(a.tValues[2]))
        #expect(abs(b.rSquared - a.rSquared) <= 1e-12)
    }

    @Test func aPerfectFitHasNoPValues() throws {
        let n = 6
        let x = matrix(n) { i, j in (i + j) % 3 == 0 ? 1 : 0 }
        let r = try qapRegression(y: x, x: [x], permutations: 50, seed: 1)
        #expect(abs(r.rSquared - 1) < 1e-12)
        #expect(r.tests.allSatisfy { $0 == nil })
    }
}
