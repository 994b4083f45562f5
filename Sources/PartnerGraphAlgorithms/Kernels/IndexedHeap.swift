/// An indexed 4-ary min-heap of nodes keyed by their distance (shallower than a binary heap, and
/// the keys are stored in the heap itself, so comparing the four children reads one cache line
/// instead of four scattered distances).
struct PathsHeap {
    let items: UnsafeMutablePointer<Int32>
    let itemKeys: UnsafeMutablePointer<Double>
    /// Position of each node in `items`, -1 when absent.
    let position: UnsafeMutablePointer<Int32>
    var count = 0

    init(nodeCount n: Int) {
        items = .allocate(capacity: max(n, 1))
        itemKeys = .allocate(capacity: max(n, 1))
        position = .allocate(capacity: max(n, 1))
        position.initialize(repeating: -1, count: max(n, 1))
    }

    func deallocate() {
        items.deallocate()
        itemKeys.deallocate()
        position.deallocate()
    }

    /// Inserts `v` with key `keys[v]`, or moves it up after its key decreased to `keys[v]`.
    @inline(__always)
    mutating func pushOrDecrease(_ v: Int32, keys: UnsafeMutablePointer<Double>) {
        var i = Int(position[Int(v)])
        if i < 0 {
            i = count
            count += 1
        }
        let key = keys[Int(v)]
        while i > 0 {
            let parent = (i - 1) >> 2
            let pk = itemKeys[parent]
            if pk <= key { break }
            let p = items[parent]
            items[i] = p
            itemKeys[i] = pk
            position[Int(p)] = Int32(truncatingIfNeeded: i)
            i = parent
        }
        items[i] = v
        itemKeys[i] = key
        position[Int(v)] = Int32(truncatingIfNeeded: i)
    }

    /// Removes and returns the node with the smallest key.
    @inline(__always)
    mutating func popMin(keys: UnsafeMutablePointer<Double>) -> Int32 {
        let top = items[0]
        position[Int(top)] = -1
        count -= 1
        if count > 0 {
            let last = items[count]
            let key = itemKeys[count]
            var i = 0
            while true {
                let first = 4 * i + 1
                if first >= count { break }
                var c = first
                var ck = itemKeys[first]
                let end = min(first + 4, count)
                var j = first + 1
                while j < end {
                    let jk = itemKeys[j]
                    if jk < ck { c = j; ck = jk }
                    j += 1
                }
                if key <= ck { break }
                let child = items[c]
                items[i] = child
                itemKeys[i] = ck
                position[Int(child)] = Int32(truncatingIfNeeded: i)
                i = c
            }
            items[i] = last
            itemKeys[i] = key
            position[Int(last)] = Int32(truncatingIfNeeded: i)
        }
        return top
    }
}
