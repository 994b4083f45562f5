import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Actors with alike ties: structural equivalence, CONCOR blocks and the blockmodel image.",
        discussion: """
        Structural equivalence (S. Wasserman, K. Faust 1994, eq. 9.2 and 9.3): two
        actors are alike when they have ties to the same others. An actor's profile is
        the ties it sends and, when the view is directed, receives, compared with
        another's over the third actors (their tie to each other left out): Euclidean
        distance (0 = the same ties) and Pearson correlation (1 = the same pattern).
        CONCOR (Breiger, Boorman & Arabie 1975) splits the actors into two blocks by
        correlating the correlation matrix until it holds only ±1, then splits each
        block again, --depth times (default 2: up to 4 blocks). The blockmodel image
        gives the density of ties from each block to each; a * marks densities at or
        above the network's (UCINET's α cut-off). Ties are read unweighted.

        Output: the blocks, the image, and for every actor its most equivalent other
        actor; csv: id, label, block, nearest, correlation, euclidean (with --matrix:
        from, to, correlation, euclidean for every pair); json: {"depth", "density",
        "blocks", "image", "actors"} (with --matrix also "correlation" and "euclidean").
        Examples:
          partnergraph roles Graphs/florentine-families.yaml
          partnergraph roles Graphs/emon-texas.yaml --depth 3 --format csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(parsing: .unconditional, help: "How many times CONCOR splits the blocks (up to 2^depth blocks).") var depth: Int = 2
    @Flag(help: "Every pair's correlation and distance (csv and json).") var matrix = false
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(depth, 1, "--depth")
            if depth > 10 { throw UsageError("--depth must be at most 10 (1,024 blocks), not \(depth)") }
            if matrix && format == .table { throw UsageError("--matrix goes with --format csv or json") }
            let analysis = try AnalysisInput(input: input, view: view)
            let n = analysis.viewed.nodeIDs.count
            guard n >= 3 else { throw UsageError("roles needs at least 3 actors; the view has \(n)") }
            let se = StructuralEquivalence(analysis.graph)
            let blocks = try se.concor(depth: depth)
            let image = se.image(blocks)
            var blockOf = [Int](repeating: 0, count: n)
            for (b, members) in blocks.enumerated() { for i in members { blockOf[i] = b } }
            let correlation = se.matrix(correlation: true), euclidean = se.matrix(correlation: false)
            // Each actor's most equivalent other: highest correlation, then smallest distance, then file order.
            func closer(_ i: Int, _ a: Int, _ b: Int) -> Bool {
                let ca: Double = correlation[i][a], cb: Double = correlation[i][b]
                if ca != cb { return ca > cb }
                let ea: Double = euclidean[i][a], eb: Double = euclidean[i][b]
                if ea != eb { return ea < eb }
                return a < b
            }
            var nearest: [Int] = []
            for i in 0..<n {
                var best = i == 0 ? 1 : 0
                for j in 0..<n where j != i && closer(i, j, best) { best = j }
                nearest.append(best)
            }
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            switch format {
            case .csv:
                if matrix {
                    var t = Table(header: ["from", "to", "correlation", "euclidean"], numericColumns: [2, 3])
                    for i in 0..<n { for j in 0..<n where i != j { t.rows.append([ids[i], ids[j], formatNumber(correlation[i][j]), formatNumber(euclidean[i][j])]) } }
                    writeOutput(t.csv())
                } else {
                    var t = Table(header: ["id", "label", "block", "nearest", "correlation", "euclidean"], numericColumns: [2, 4, 5])
                    for i in 0..<n {
                        t.rows.append([ids[i], analysis.label(i), String(blockOf[i] + 1), ids[nearest[i]],
                                       formatNumber(correlation[i][nearest[i]]), formatNumber(euclidean[i][nearest[i]])])
                    }
                    writeOutput(t.csv())
                }
            case .json:
                var fields: [(String, OutputValue)] = [
                    ("depth", .integer(depth)), ("density", .number(se.density)),
                    ("blocks", .list(blocks.map { .list($0.map { .string(ids[$0]) }, inline: true) }, inline: false)),
                    ("image", .list(image.map { .list($0.map { $0.map(OutputValue.number) ?? .null }, inline: true) }, inline: false)),
                    ("actors", .list((0..<n).map { i in
                        .mapping([("id", .string(ids[i])), ("block", .integer(blockOf[i] + 1)), ("nearest", .string(ids[nearest[i]])),
                                  ("correlation", .number(correlation[i][nearest[i]])), ("euclidean", .number(euclidean[i][nearest[i]]))])
                    }, inline: false)),
                ]
                if matrix {
                    fields.append(("correlation", .list(correlation.map { .list($0.map(OutputValue.number), inline: true) }, inline: false)))
                    fields.append(("euclidean", .list(euclidean.map { .list($0.map(OutputValue.number), inline: true) }, inline: false)))
                }
                writeOutput(JSONWriter.write(.mapping(fields)))
            case .table:
                let name = analysis.network.name ?? "the network"
                var out = "Roles in \(name): \(blocks.count) CONCOR block\(blocks.count == 1 ? "" : "s") (depth \(depth); ties read unweighted)\n\n"
                for (b, members) in blocks.enumerated() {
                    out += "Block \(b + 1) (\(members.count) actor\(members.count == 1 ? "" : "s")): " + members.map { analysis.label($0) }.joined(separator: ", ") + "\n"
                }
                let alpha = se.density
                out += "\nDensity of ties from row to column block (network: \(String(format: "%.4f", alpha)); * at or above it)\n"
                var t = Table(header: ["block"] + blocks.indices.map { String($0 + 1) }, numericColumns: Set(1...blocks.count))
                for (a, row) in image.enumerated() {
                    t.rows.append([String(a + 1)] + row.map { d in d.map { String(format: "%.4f", $0) + ($0 >= alpha - 1e-12 ? "*" : " ") } ?? "– " })
                }
                out += t.text()
                out += "\nMost structurally equivalent other actor (highest correlation of tie profiles)\n"
                var e = Table(header: ["id", "label", "block", "nearest", "correlation", "euclidean"], numericColumns: [2, 4, 5])
                for i in 0..<n {
                    e.rows.append([ids[i], analysis.label(i), String(blockOf[i] + 1), analysis.label(nearest[i]),
                                   String(format: "%.4f", correlation[i][nearest[i]]), String(format: "%.4f", euclidean[i][nearest[i]])])
                }
                out += e.text()
                writeOutput(out)
            }
        }
    }
}
