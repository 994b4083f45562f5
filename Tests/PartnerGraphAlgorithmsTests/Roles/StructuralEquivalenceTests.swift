import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// scripts/make_roles_fixtures.py: Wasserman & Faust's structural-equivalence distances and
/// correlations and CONCOR blocks, written with numpy from the definitions.
struct RolesFixture: FixtureFamily {
    struct Concor: Decodable {
        var blocks: [[String]]
        var image: [[Double?]]
    }
    var name: String
    var directed: Bool
    var nodes: [String]
    var edges: [[String]]
    var euclidean: [[Double]]
    var correlation: [[Double]]
    var concor: [String: Concor]

    static let folder = "roles"

    var graph: CompactGraph {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        return CompactGraph(nodeCount: nodes.count, directed: directed, edges: edges.map { .init(index[$0[0]]!, index[$0[1]]!) })
    }
}

@Suite struct StructuralEquivalenceTests {
    @Test func theFixturesAreThere() {
        #expect(RolesFixture.names() == ["emon-texas", "florentine-families", "karate-club"])
    }

    @Test(arguments: RolesFixture.names()) func distancesAndCorrelationsEqualNumpy(name: String) throws {
        let f = try RolesFixture.load(name)
        let se = StructuralEquivalence(f.graph)
        let e = se.matrix(correlation: false), r = se.matrix(correlation: true)
        for i in f.nodes.indices {
            for j in f.nodes.indices {
                #expect(abs(e[i][j] - f.euclidean[i][j]) <= 1e-12, "\(name) euclidean \(i),\(j)")
                #expect(abs(r[i][j] - f.correlation[i][j]) <= 1e-12, "\(name) correlation \(i),\(j): \(r[i][j]) vs \(f.correlation[i][j])")
            }
        }
    }

    @Test(arguments: RolesFixture.names()) func concorBlocksAndImageEqualNumpy(name: String) throws {
        let f = try RolesFixture.load(name)
        let se = StructuralEquivalence(f.graph)
        for (depthText, want) in f.concor {
            let blocks = try se.concor(depth: Int(depthText)!)
            #expect(blocks.map { $0.map { f.nodes[$0] } } == want.blocks, "\(name) depth \(depthText)")
            let image = se.image(blocks)
            for (a, row) in want.image.enumerated() {
                for (b, d) in row.enumerated() {
                    switch (a < image.count && b < image[a].count ? image[a][b] : nil, d) {
                    case (nil, nil): break
                    case let (x?, y?): #expect(abs(x - y) <= 1e-12, "\(name) depth \(depthText) image \(a),\(b)")
                    default: Issue.record("\(name) depth \(depthText) image \(a),\(b)")
                    }
                }
            }
        }
    }

    @Test func depthZeroIsRefused() {
        let g = CompactGraph(nodeCount: 3, directed: false, edges: [.init(0, 1)])
        #expect(throws: AlgorithmError.self) { try StructuralEquivalence(g).concor(depth: 0) }
    }
}
