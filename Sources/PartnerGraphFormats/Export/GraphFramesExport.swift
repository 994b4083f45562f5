// GraphFrames (Apache Spark): a vertex table with an `id` column and an edge table with `src`
// and `dst` columns, as CSV, for `GraphFrame(spark.read.csv("vertices.csv", header=True), …)`.
// The columns after those are the CSV format's (CSVNetworkWriter): kind, label, …, attributes;
// relation, weight, since, until, attributes. GraphFrames' graphs are directed: a symmetric tie
// is one row, so connected components and `degrees` (in + out) count it as PartnerGraph does.
// An edge attribute named src or dst is written as attr.src / attr.dst.
import PartnerGraph

/// Writes a network as GraphFrames' vertex and edge tables.
public enum GraphFramesExport {
    /// vertices.csv and edges.csv.
    public static func encode(_ network: Network) throws -> ExportedFiles {
        let csv = try CSVNetworkWriter(endColumns: ("src", "dst")).encode(network)
        let warnings = csv.warnings.map { $0.hasPrefix("CSV cannot hold") ? "GraphFrames (CSV) cannot hold" + $0.dropFirst("CSV cannot hold".count) : $0 }
        return ExportedFiles(files: [.init(name: "vertices.csv", text: csv.nodes), .init(name: "edges.csv", text: csv.edges)],
                             warnings: warnings)
    }
}
