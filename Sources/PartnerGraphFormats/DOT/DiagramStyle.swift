import Foundation
import PartnerGraph

/// Colours, shapes and line styles for diagrams.
///
/// Fills come from the Okabe–Ito palette (M. Okabe, K. Ito, "Color Universal Design", 2008),
/// which stays distinguishable under the common forms of colour blindness; text on dark fills
/// is white.
public enum DiagramStyle {
    /// The Okabe–Ito colours (without black), in the order they are handed out.
    public static let palette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    /// A lighter tint of each palette colour, used for cluster backgrounds.
    public static let tints = ["#FBE7BF", "#D5ECF9", "#BFE6DC", "#FBF8D0", "#BFDBEC", "#F4D6BF", "#F2DDE9", "#E5E5E5"]

    /// Black or white, whichever reads better on `fill` (WCAG relative luminance).
    public static func textColor(on fill: String) -> String {
        guard fill.count == 7, let v = Int(fill.dropFirst(), radix: 16) else { return "black" }
        func channel(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * channel(v >> 16 & 255) + 0.7152 * channel(v >> 8 & 255) + 0.0722 * channel(v & 255)
        return l > 0.179 ? "black" : "white"
    }

    /// The node shape of a kind.
    public static func shape(for kind: NodeKind, index: Int) -> String {
        switch kind.id {
        case NodeKind.organisation.id: return "box"
        case NodeKind.programme.id: return "hexagon"
        case NodeKind.person.id: return "ellipse"
        case NodeKind.event.id: return "octagon"
        default: return ["box", "ellipse", "diamond", "house", "parallelogram", "trapezium", "cylinder", "note"][index % 8]
        }
    }

    /// The line style of the i-th relation.
    public static func lineStyle(index: Int) -> String {
        ["solid", "dashed", "dotted", "bold", "solid", "dashed", "dotted", "bold"][index % 8]
    }

    /// The line colour of the i-th relation: greys and dark hues that all read on white.
    public static func lineColor(index: Int) -> String {
        ["#444444", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7A5C00", "#555599", "#888888"][index % 8]
    }
}
