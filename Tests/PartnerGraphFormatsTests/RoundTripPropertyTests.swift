import Testing
import PropertyBased
import PartnerGraph
@testable import PartnerGraphFormats

/// The round trip of every lossless format as a property: for any network `RandomNetworks`
/// can make (awkward text, every attribute type, mixed directions, parallel edges, self-loops,
/// dates, sources), writing it and reading it back gives the same network. swift-property-based
/// draws a fresh seed for each case on every run and prints the one that fails, so a failure
/// is reproduced with that seed; `RoundTripTests` keeps 60 fixed seeds besides.
@Suite struct RoundTripPropertyTests {
    static let seed = Gen.uint64(in: 0...UInt64.max)

    static func network(_ seed: UInt64) -> Network {
        var gen = RandomNetworks(seed: seed)
        return gen.network()
    }

    @Test(arguments: LosslessFormat.allCases) func everyLosslessFormatRoundTrips(format: LosslessFormat) async {
        await propertyCheck(count: 60, input: Self.seed) { seed in
            let original = Self.network(seed)
            #expect(original.validate().isEmpty)
            let encoded = try format.encode(original)
            let back = try format.decode(encoded.text)
            #expect(back == original, "\(format), seed \(seed)")
            // Writing is deterministic: the network read back is written as the same text.
            #expect(try format.encode(back).text == encoded.text)
        }
    }

    /// The native format, YAML and JSON alike, holds every field.
    @Test(arguments: [NativeDecoder.Syntax.yaml, .json]) func theNativeFormatRoundTrips(syntax: NativeDecoder.Syntax) async {
        await propertyCheck(count: 60, input: Self.seed) { seed in
            let original = Self.network(seed)
            let text = NativeEncoder(syntax: syntax).encode(original)
            let back = try NativeDecoder().decode(text, syntax: syntax, file: "t")
            #expect(back == original, "seed \(seed)")
        }
    }
}
