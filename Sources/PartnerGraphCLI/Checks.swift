import PartnerGraph
import PartnerGraphAlgorithms

/// Range checks for numeric options, run before any work, so that a nonsense value gets a
/// message naming its option (exit 64) instead of a library error or a wrong answer.
/// Numeric options are parsed with `parsing: .unconditional`, so that `--top -1` reaches these
/// checks instead of being read as an unknown option "-1".
enum Checks {
    static func atLeast<T: Comparable & CustomStringConvertible>(_ value: T?, _ minimum: T, _ option: String) throws {
        guard let value else { return }
        guard value >= minimum else { throw UsageError("\(option) must be at least \(minimum), not \(value)") }
    }

    static func finite(_ value: Double?, atLeast minimum: Double, _ option: String) throws {
        guard let value else { return }
        guard value.isFinite, value >= minimum else {
            throw UsageError("\(option) must be a finite number of at least \(number(minimum)), not \(value)")
        }
    }

    static func positive(_ value: Double?, _ option: String) throws {
        guard let value else { return }
        guard value.isFinite, value > 0 else { throw UsageError("\(option) must be a finite number above 0, not \(value)") }
    }

    static func between(_ value: Double?, _ low: Double, _ high: Double, open: Bool, _ option: String) throws {
        guard let value else { return }
        let inside = open ? (value > low && value < high) : (value >= low && value <= high)
        guard value.isFinite, inside else {
            let range = open ? "between \(number(low)) and \(number(high)), both excluded" : "from \(number(low)) to \(number(high))"
            throw UsageError("\(option) must be \(range), not \(value)")
        }
    }

    static func number(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }
}

/// The node measure a `--measure`-like option names; an unknown name gets the closest one and
/// the list (`hint`, when given, explains a name that means something else in this command).
func nodeMeasure(named name: String, hint: ((String) -> String?)? = nil) throws -> Measure {
    if let m = Measure(rawValue: name) { return m }
    var message = "unknown measure '\(name)'"
    if let h = hint?(name) {
        message += "; " + h
    } else if let g = closestMatch(to: name, among: Measure.allCases.map(\.rawValue)) {
        message += "; did you mean '\(g)'?"
    }
    throw UsageError(message + " (measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")))")
}
