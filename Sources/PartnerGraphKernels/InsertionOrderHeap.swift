/// A binary min-heap of (key, node) whose equal keys leave in the order they came in: the
/// order of NetworkX's `heapq` of (distance, counter, node). The cooperation-path searches use
/// it so that among equally short paths they pick the one NetworkX picks; the measures, which
/// only need distances, use the faster `PathsHeap` with decrease-key. Lazy: a node may be in it
/// several times; the search skips the stale entries.
public struct InsertionOrderHeap {
    @usableFromInline var items: [(Double, Int, Int)] = []  // key, sequence, node
    @usableFromInline var counter = 0

    @inlinable public init() {}

    @inlinable public var isEmpty: Bool { items.isEmpty }

    /// Empties the heap, keeping its storage.
    @inlinable public mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        counter = 0
    }

    @inlinable public mutating func push(_ key: Double, _ node: Int) {
        items.append((key, counter, node))
        counter += 1
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if less(items[i], items[p]) { items.swapAt(i, p); i = p } else { break }
        }
    }

    @inlinable public mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && less(items[l], items[m]) { m = l }
                if r < items.count && less(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return (top.0, top.2)
    }

    @inlinable @inline(__always) public func less(_ a: (Double, Int, Int), _ b: (Double, Int, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }
}
