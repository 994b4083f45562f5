import PartnerGraph

/// A spreadsheet cell's value, typed as the workbook stores it: text, a number, a boolean or
/// a date (a number shown with a date format in XLSX; a date value in OpenDocument).
enum SheetValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case date(PartialDate)

    /// The value as the CSV reader would have read it from text: whole numbers without a
    /// fraction (`2010`, not `2010.0`), booleans `true`/`false`, dates `YYYY[-MM[-DD]]`. The
    /// network reader's own columns (`id`, `source`, `weight`, `since`, …) read this text.
    var text: String {
        switch self {
        case .text(let s): return s
        case .number(let d): return SheetValue.wholeNumber(d).map(String.init) ?? formatNumber(d)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        }
    }

    /// `d` as an integer when it is whole and exactly representable (below 2^53 in magnitude).
    static func wholeNumber(_ d: Double) -> Int? {
        guard d.isFinite, d == d.rounded(), abs(d) < 9_007_199_254_740_992 else { return nil }
        return Int(d)
    }
}

/// One sheet of a workbook as the network reader takes it: the rows that hold a value, in
/// order, each with its number as the spreadsheet shows it and its non-empty cells by column.
/// The first row with a cell is the header. Cells that hold nothing (no value, or empty text) are left out,
/// so rows and cells may be sparse: a cell's column is its own (from its reference, `C7`), not
/// its place in the row.
struct SheetTable: Sendable {
    struct Row: Sendable {
        /// The row's number (1-based).
        var number: Int
        /// The row's cells, by column (1-based), in column order.
        var cells: [(column: Int, value: SheetValue)]
    }

    /// The sheet's name, as the workbook names it.
    var name: String
    var rows: [Row]

    /// How messages name the sheet: `sheet 'edges'`.
    var part: String { "sheet '\(name)'" }
}
