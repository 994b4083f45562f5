import Foundation
import Testing
import PartnerGraphAlgorithms

@Suite struct StructureSummaryTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    @Test func twoTriangles() {
        let s = structureSummary(H.twoTriangles)
        #expect(s == StructureSummary(
            nodes: 6, edges: 7, density: 14.0 / 30, components: 1, strongComponents: nil,
            largestComponent: 6, isolates: [], articulationPoints: [2, 3], bridges: [[2, 3]],
            averageClustering: s.averageClustering, transitivity: s.transitivity, diameter: 3, radius: 2,
            degreeAssortativity: s.degreeAssortativity))
        #expect(abs(s.averageClustering! - 7.0 / 9) < 1e-15)
        #expect(abs(s.transitivity! - 0.6) < 1e-15)
        // Pairs (2,2)×4, (2,3)×4, (3,2)×4, (3,3)×2: cov = -2/49, var = 12/49, r = -1/6 by hand
        // (nx.degree_assortativity_coefficient(G) == -0.16666666666666508 on this graph).
        #expect(abs(s.degreeAssortativity! - (-1.0 / 6)) < 1e-12)
    }

    @Test func emptyAndSingleNode() {
        #expect(structureSummary(H.empty) == StructureSummary(
            nodes: 0, edges: 0, density: 0, components: 0, strongComponents: nil, largestComponent: 0,
            isolates: [], articulationPoints: [], bridges: [], averageClustering: nil, transitivity: 0,
            diameter: nil, radius: nil, degreeAssortativity: nil))
        #expect(structureSummary(H.single) == StructureSummary(
            nodes: 1, edges: 0, density: 0, components: 1, strongComponents: nil, largestComponent: 1,
            isolates: [0], articulationPoints: [], bridges: [], averageClustering: 0, transitivity: 0,
            diameter: 0, radius: 0, degreeAssortativity: nil))
        let d = structureSummary(H.directed(0, []))
        #expect(d.strongComponents == 0 && d.averageClustering == nil && d.transitivity == nil)
    }

    @Test func karate() {
        let s = structureSummary(T.karate)
        #expect(s.nodes == 34 && s.edges == 78)
        #expect(s.density == 0.13903743315508021)                 // nx.density(G)
        #expect(s.components == 1 && s.strongComponents == nil)   // nx.number_connected_components(G)
        #expect(s.largestComponent == 34 && s.isolates == [])
        #expect(s.articulationPoints == [0])                       // list(nx.articulation_points(G))
        #expect(s.bridges == [[0, 11]])                            // list(nx.bridges(G))
        #expect(abs(s.averageClustering! - 0.5706384782076823) < 1e-12)   // nx.average_clustering(G)
        #expect(abs(s.transitivity! - 0.2556818181818182) < 1e-12)        // nx.transitivity(G)
        #expect(s.diameter == 5 && s.radius == 3)                          // nx.diameter(G), nx.radius(G)
        #expect(abs(s.degreeAssortativity! - (-0.47561309768461413)) < 1e-12)
    }

    @Test func directedGnp() {
        // R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True)
        let s = structureSummary(T.directedGnp)
        #expect(s.nodes == 40 && s.edges == 73)
        #expect(s.density == 0.046794871794871795)                  // nx.density(R)
        #expect(s.components == 2)                                  // nx.number_weakly_connected_components(R)
        #expect(s.strongComponents == 23)                           // nx.number_strongly_connected_components(R)
        #expect(s.largestComponent == 39 && s.isolates == [19])     // list(nx.isolates(R))
        #expect(s.articulationPoints == [] && s.bridges == [])
        #expect(s.averageClustering == nil && s.transitivity == nil)
        #expect(s.diameter == 6 && s.radius == 3)                   // on the largest component of R.to_undirected()
        #expect(abs(s.degreeAssortativity! - 0.05159121074966706) < 1e-12)
    }

    @Test func disconnected() {
        let s = structureSummary(T.disconnected)
        #expect(s.components == 6 && s.largestComponent == 5)       // nx.number_connected_components(U)
        #expect(s.isolates == [16, 17])
        #expect(s.diameter == 4 && s.radius == 2)
        #expect(abs(s.averageClustering! - 0.2777777777777778) < 1e-12)
    }

    @Test func codableRoundTrip() throws {
        let s = structureSummary(T.florentine)
        let data = try JSONEncoder().encode(s)
        #expect(try JSONDecoder().decode(StructureSummary.self, from: data) == s)
        let e = structureSummary(H.empty)
        #expect(try JSONDecoder().decode(StructureSummary.self, from: JSONEncoder().encode(e)) == e)
    }
}
