import PartnerGraph

/// Quoting for DOT: ids, escString labels and HTML-like labels.
public enum DOTEscaping {
    /// A quoted DOT id.
    ///
    /// Inside quotes cgraph turns `\"` into `"`, keeps `\\` as two backslashes and removes a
    /// backslash-newline; Graphviz shows a name's `\\` as one backslash. So backslashes are
    /// doubled and quotes escaped: the file is valid for any text, Graphviz displays the id as
    /// it is, and `unescapeID` (which `DOTDecoder` applies) gives the id back exactly.
    /// Control characters are written as control pictures (␛ for ESC): Graphviz would copy
    /// them raw into SVG, which XML cannot hold.
    public static func id(_ id: String) -> String {
        var out = "\""
        for u in ControlCharacters.visible(id).unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Undoes `id` on a name as cgraph read it: `\\` → `\`.
    public static func unescapeID(_ name: String) -> String {
        name.replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// A quoted escString label: backslashes doubled, quotes escaped, line breaks as `\n`, so
    /// Graphviz shows the text as it is (no `\N`, `\G` substitutions); other control
    /// characters as control pictures, as in `id`.
    public static func label(_ text: String) -> String {
        var out = "\""
        var previousCR = false
        for u in ControlCharacters.visible(text).unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            default: out.unicodeScalars.append(u)
            }
            previousCR = u == "\r"
        }
        return out + "\""
    }

    /// Undoes `label`: `\\` → `\`, `\n`, `\l`, `\r` → line break, `\N` → the node's id.
    public static func unescapeLabel(_ text: String, nodeID: String? = nil) -> String {
        var out = ""
        var it = text.unicodeScalars.makeIterator()
        while let u = it.next() {
            guard u == "\\" else { out.unicodeScalars.append(u); continue }
            guard let n = it.next() else { out += "\\"; break }
            switch n {
            case "\\": out += "\\"
            case "n", "l", "r": out += "\n"
            case "N" where nodeID != nil: out += nodeID!
            case "\"": out += "\""
            default: out += "\\"; out.unicodeScalars.append(n)
            }
        }
        return out
    }

    /// Text for an HTML-like label: `&`, `<`, `>`, `"` as entities; line breaks as `<BR/>`.
    public static func html(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<BR/>"
            case "\r": break
            default:
                if u.value < 0x20 { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
