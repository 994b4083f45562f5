/// Scratch memory that frees itself: `count` elements of a trivial type (no references), owned
/// by one value that cannot be copied, so the memory is deallocated exactly once, when the
/// owner's lifetime ends, with no `defer { deallocate() }` to forget or to keep in step with the
/// fields of a workspace.
///
/// A pointer taken from `pointer` is valid while the owner lives. Code that hands that pointer to
/// other threads (a `SharedPointer`) must use the owner again after those threads have finished,
/// as the algorithms do when they read the results back, so that its lifetime covers them.
public struct Scratch<Element: BitwiseCopyable>: ~Copyable {
    /// The memory; at least one element is allocated, so it is never dangling for `count == 0`.
    public let pointer: UnsafeMutablePointer<Element>
    public let count: Int

    /// Uninitialised memory for `count` elements (trivial elements need no initialisation before
    /// being written).
    @inlinable
    public init(uninitializedCount count: Int) {
        self.count = count
        pointer = .allocate(capacity: Swift.max(count, 1))
    }

    /// `count` copies of `value`.
    @inlinable
    public init(repeating value: Element, count: Int) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    @inlinable
    public subscript(i: Int) -> Element {
        @inline(__always) get { pointer[i] }
        @inline(__always) nonmutating set { pointer[i] = newValue }
    }

    /// Sets every element to `value`.
    @inlinable
    public func fill(with value: Element) {
        pointer.update(repeating: value, count: count)
    }

    deinit { pointer.deallocate() }
}
