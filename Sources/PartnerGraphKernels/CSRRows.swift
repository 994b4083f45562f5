// The kernel layer's row accessor: a graph's compressed sparse rows (CSR) as raw buffers, for
// the per-source searches of the path measures. (`CompactGraph.withRows` in PartnerGraphAlgorithms
// makes them from a graph.)

/// The CSR rows of one direction of a graph as raw buffers: node `v`'s neighbours are
/// `neighbours[start[v]..<start[v + 1]]`, with their lengths at the same positions. Valid only
/// inside the call that made them.
public struct CSRRows: @unchecked Sendable {
    public let start: UnsafeBufferPointer<Int32>
    public let neighbours: UnsafeBufferPointer<Int32>
    /// Empty when unweighted.
    public let lengths: UnsafeBufferPointer<Double>

    @inlinable
    public init(start: UnsafeBufferPointer<Int32>, neighbours: UnsafeBufferPointer<Int32>,
                 lengths: UnsafeBufferPointer<Double>) {
        self.start = start
        self.neighbours = neighbours
        self.lengths = lengths
    }
}
