/// A small, fast, seedable random number generator: xoshiro256** seeded through SplitMix64.
///
/// Every randomised algorithm in this module takes a `seed: UInt64` and draws from a
/// `SeededGenerator`, so the same seed gives the same output on every platform and every
/// Swift version. To keep that promise, draw through `nextInt(below:)` and `nextDouble()`
/// rather than the standard library's `Int.random(in:using:)` / `Double.random(in:using:)`,
/// whose algorithms the standard library does not promise to keep.
///
/// Definition: the four 64-bit words of state are the first four outputs of SplitMix64
/// started at `seed`; `next()` is xoshiro256** (Blackman & Vigna). `init(seed:stream:)` gives
/// independent generators for parallel work (one per chunk of samples, never per thread, so
/// results do not depend on the number of cores).
///
/// - Complexity: O(1) per draw, 32 bytes of state.
/// - Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
///   ACM Trans. Math. Softw. 47(4), 2021, doi:10.1145/3460772; SplitMix64 from G. L. Steele,
///   D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014,
///   doi:10.1145/2660193.2660195.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole output is determined by `seed`.
    ///
    /// - Parameter seed: any 64-bit value (zero is fine: SplitMix64 never yields an all-zero state).
    /// - Complexity: O(1).
    public init(seed: UInt64) {
        var sm = seed
        s0 = SeededGenerator.splitMix64(&sm)
        s1 = SeededGenerator.splitMix64(&sm)
        s2 = SeededGenerator.splitMix64(&sm)
        s3 = SeededGenerator.splitMix64(&sm)
    }

    /// Creates the generator of substream `stream` of `seed`, for deterministic parallel work.
    ///
    /// Definition: the SplitMix64 state that seeds xoshiro256** is
    /// `mix(seed) ^ mix(stream ^ 0xD1B54A32D192ED03)` where `mix` is one SplitMix64 step, so
    /// different streams start from unrelated states.
    ///
    /// - Parameters:
    ///   - seed: the user's seed.
    ///   - stream: the index of the substream (for example the chunk number).
    /// - Complexity: O(1).
    public init(seed: UInt64, stream: UInt64) {
        var a = seed
        var b = stream ^ 0xD1B5_4A32_D192_ED03
        let start = SeededGenerator.splitMix64(&a) ^ SeededGenerator.splitMix64(&b)
        self.init(seed: start)
    }

    /// The next 64 random bits (xoshiro256**).
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        nextRaw()
    }

    @usableFromInline
    internal mutating func nextRaw() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound`, unbiased (Lemire's multiply-and-reject method).
    ///
    /// - Parameter bound: the exclusive upper limit; must be positive.
    /// - Returns: an integer `x` with `0 <= x < bound`; 0 when `bound <= 1`.
    /// - Complexity: O(1) expected.
    /// - Reference: D. Lemire, "Fast random integer generation in an interval",
    ///   ACM Trans. Model. Comput. Simul. 29(1), 2019, doi:10.1145/3230636.
    public mutating func nextInt(below bound: Int) -> Int {
        if bound <= 1 { return 0 }
        let n = UInt64(bound)
        var m = nextRaw().multipliedFullWidth(by: n)
        if m.low < n {
            let threshold = (0 &- n) % n
            while m.low < threshold {
                m = nextRaw().multipliedFullWidth(by: n)
            }
        }
        return Int(m.high)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    ///
    /// - Complexity: O(1).
    public mutating func nextDouble() -> Double {
        Double(nextRaw() >> 11) * 0x1.0p-53
    }

    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@inline(__always)
private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}

extension Array {
    /// Shuffles the array in place, every order equally likely (Fisher–Yates from the last
    /// element down: position i swaps with one drawn from 0...i).
    mutating func seededShuffle(using rng: inout SeededGenerator) {
        var i = count - 1
        while i > 0 {
            swapAt(i, rng.nextInt(below: i + 1))
            i -= 1
        }
    }

    /// Moves a uniform sample of `k` elements, without replacement, to the front (a partial
    /// Fisher–Yates from the first element: position i swaps with one drawn from i..<count).
    mutating func seededSampleToFront(_ k: Int, using rng: inout SeededGenerator) {
        for i in 0..<k { swapAt(i, i + rng.nextInt(below: count - i)) }
    }
}
