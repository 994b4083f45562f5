import PartnerGraph
import PartnerGraphFormats

/// A table of text cells: written as aligned columns, CSV or a JSON array of objects.
struct Table {
    var header: [String]
    var rows: [[String]] = []
    /// Columns that hold numbers (right-aligned, unquoted in JSON).
    var numericColumns: Set<Int> = []

    func text() -> String {
        var widths = header.map { $0.count }
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return numericColumns.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        var out = line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { out += line(row) }
        return out
    }

    func csv() -> String {
        CSVWriter.row(header) + rows.map(CSVWriter.row).joined()
    }

    func json() -> String {
        var out = "[\n"
        for (r, row) in rows.enumerated() {
            let fields = row.enumerated().map { i, c in
                JSONText.quote(header[i]) + ": " + (numericColumns.contains(i) && !c.isEmpty ? JSONText.number(c) : JSONText.quote(c))
            }
            out += "  {" + fields.joined(separator: ", ") + "}" + (r + 1 < rows.count ? ",\n" : "\n")
        }
        return out + "]\n"
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return text()
        case .csv: return csv()
        case .json: return json()
        }
    }
}
