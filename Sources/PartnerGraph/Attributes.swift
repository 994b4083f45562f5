/// An ordered attribute map: keys keep the order in which they were written.
public struct Attributes: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String] = []
    private var values: [String: AttributeValue] = [:]

    public init() {}
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        for (k, v) in elements { self[k] = v }
    }

    public subscript(key: String) -> AttributeValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    public func makeIterator() -> AnyIterator<(key: String, value: AttributeValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[keys[i]]!)
        }
    }
}
