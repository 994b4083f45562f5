import PartnerGraphKernels

// The kernel layer's views of a `CompactGraph`: its rows as raw buffers and the number of
// workers its searches are worth.

extension CompactGraph {
    /// Calls `body` with the out-rows (or in-rows) of the graph as raw buffers; the lengths are
    /// empty unless `weighted`.
    func withRows<R>(incoming: Bool, weighted: Bool, _ body: (CSRRows) throws -> R) rethrows -> R {
        let start = incoming ? inStart : outStart
        let neighbours = incoming ? inNeighbours : outNeighbours
        let lengths: [Double] = weighted ? ((incoming ? inLengths : outLengths) ?? []) : []
        return try start.withUnsafeBufferPointer { s in
            try neighbours.withUnsafeBufferPointer { nb in
                try lengths.withUnsafeBufferPointer { ln in
                    try body(CSRRows(start: s, neighbours: nb, lengths: ln))
                }
            }
        }
    }

    /// How many workers `searches` searches of this graph (each visiting every node and arc at
    /// most once) are worth: `maxThreads` (0 = every active core), at most `tasks`, and 1 for
    /// small work.
    func workerCount(maxThreads: Int, tasks: Int, searches: Int) -> Int {
        PartnerGraphKernels.workerCount(maxThreads: maxThreads, tasks: tasks,
                                        work: Double(searches) * Double(nodeCount + outNeighbours.count))
    }
}
