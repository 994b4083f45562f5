/// Small helpers for writing JSON by hand.
public enum JSONText {
    /// A JSON string literal.
    public static func quote(_ s: String) -> String { JSONWriter.quote(s) }

    /// A JSON number from its text; non-finite values become `null` (JSON has no NaN).
    public static func number(_ text: String) -> String {
        guard let d = Double(text), d.isFinite else { return "null" }
        return text
    }

    /// A JSON number for a Double in shortest round-trip form, or `null` when not finite.
    public static func number(_ d: Double) -> String { d.isFinite ? "\(d)" : "null" }
}
