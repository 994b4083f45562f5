/// Control characters made visible: C0 controls as Unicode's control pictures (U+0000 → ␀,
/// U+001B → ␛, …), DEL as ␡, and the non-characters U+FFFE and U+FFFF as U+FFFD.
///
/// XML 1.0 cannot hold these at all (not even as character references), Graphviz copies them
/// raw into SVG, and a terminal obeys them (an ESC in a name can recolour or clear the screen).
/// The pictures are distinct per character, so distinct names stay distinct.
public enum ControlCharacters {
    /// The visible stand-in for `u`, or nil when `u` needs none. Tab, line feed and carriage
    /// return are kept unless `lineBreaks` is false (then only tab is kept); C1 controls
    /// (U+0080–U+009F) are kept unless `c1` is true, where they become U+FFFD.
    public static func picture(for u: Unicode.Scalar, lineBreaks: Bool = true, c1: Bool = false) -> Unicode.Scalar? {
        switch u.value {
        case 0x09: return nil
        case 0x0A, 0x0D: return lineBreaks ? nil : Unicode.Scalar(0x2400 + u.value)
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + u.value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return c1 ? "\u{FFFD}" : nil
        case 0xFFFE, 0xFFFF: return "\u{FFFD}"
        default: return nil
        }
    }

    /// Whether `text` has a character `picture(for:)` would replace.
    public static func contains(in text: String, lineBreaks: Bool = true, c1: Bool = false) -> Bool {
        text.unicodeScalars.contains { picture(for: $0, lineBreaks: lineBreaks, c1: c1) != nil }
    }

    /// `text` with every such character replaced by its picture.
    public static func visible(_ text: String, lineBreaks: Bool = true, c1: Bool = false) -> String {
        guard contains(in: text, lineBreaks: lineBreaks, c1: c1) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars { out.append(picture(for: u, lineBreaks: lineBreaks, c1: c1) ?? u) }
        return String(out)
    }
}
