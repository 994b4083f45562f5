// The kernel layer's row accessor: a graph's CSR rows as raw buffers, for the per-source
// searches of the path measures.

/// The CSR rows of one direction of a graph as raw buffers, valid inside `pathsWithRows`.
struct PathsRows: @unchecked Sendable {
    let start: UnsafeBufferPointer<Int32>
    let neighbours: UnsafeBufferPointer<Int32>
    /// Empty when unweighted.
    let lengths: UnsafeBufferPointer<Double>
}

/// Calls `body` with the out-rows (or in-rows) of `g` as raw buffers.
func pathsWithRows<R>(_ g: CompactGraph, incoming: Bool, weighted: Bool,
                      _ body: (PathsRows) throws -> R) rethrows -> R {
    let start = incoming ? g.inStart : g.outStart
    let neighbours = incoming ? g.inNeighbours : g.outNeighbours
    let lengths: [Double] = weighted ? ((incoming ? g.inLengths : g.outLengths) ?? []) : []
    return try start.withUnsafeBufferPointer { s in
        try neighbours.withUnsafeBufferPointer { nb in
            try lengths.withUnsafeBufferPointer { ln in
                try body(PathsRows(start: s, neighbours: nb, lengths: ln))
            }
        }
    }
}
