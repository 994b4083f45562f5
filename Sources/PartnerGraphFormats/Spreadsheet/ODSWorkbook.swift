// OpenDocument spreadsheets (.ods, as LibreOffice, OpenOffice, Google Sheets and Excel write
// them): the sheets (table:table) of content.xml and their cells, typed by office:value-type.
//
// Read: string cells (paragraphs joined with a line break; spans, links, text:s spaces, tabs and
// line breaks as text; annotations left out), float, percentage and currency cells as numbers,
// boolean cells, date cells (office:date-value, to the precision of the cell's date style: year,
// month or day; a time of day is dropped), time cells as numbers (fractions of a day, as XLSX
// holds them); formulas through the value the spreadsheet saved with them; repeated rows and
// columns (table:number-rows-repeated, table:number-columns-repeated) at their places.
//
// Not supported (reported at the cell): error values (calcext:value-type="error"). Not read:
// merged cells' covered parts, sub-tables, hidden rows and sheets (read like the others), and
// anything outside the cells. A sheet's cells with values are limited to `maximumCells` in all
// (repeats counted): a repeated non-empty row or cell cannot make millions of cells.
import Foundation
import PartnerGraph

/// An OpenDocument spreadsheet's sheets, all read when it is opened (they share content.xml).
struct ODSWorkbook {
    let file: String
    let sheetNames: [String]
    private let tables: [SheetTable]
    private let issues: [[ValidationIssue]]

    /// The most cells with values read from one workbook, repeats counted.
    static let maximumCells = 20_000_000

    /// The most columns a sheet may have (LibreOffice has 16,384).
    static let maximumColumns = 1 << 20

    /// An attribute by its OpenDocument name: `office:value-type`, with the prefix the
    /// specification gives it (XMLParser reports attributes by their written, prefixed names),
    /// or without one.
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        let prefix: String
        switch name {
        case "family", "data-style-name", "parent-style-name": prefix = "style"
        case "number-columns-repeated", "default-cell-style-name", "number-rows-repeated", "style-name": prefix = "table"
        case "c": prefix = "text"
        default: prefix = "office"
        }
        return attributes[prefix + ":" + name] ?? attributes[name]
    }

    /// Opens the spreadsheet in `data` and reads every sheet.
    /// - Throws: `FormatError` naming the file and the part for a file that is no ZIP archive,
    ///   a damaged archive, a missing or malformed content.xml, or too many cells.
    init(data: Data, file: String) throws {
        self.file = file
        let package = try ZIPPackage(data: data, file: file, what: "an OpenDocument spreadsheet")
        if let mimetype = try package.text("mimetype"), !mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
            throw FormatError("is an OpenDocument file of type \(mimetype.prefix(80)), not a spreadsheet", at: SourceLocation(file: file))
        }
        guard package.contains("content.xml") else {
            if package.contains("xl/workbook.xml") {
                throw FormatError("is an XLSX workbook, not an OpenDocument spreadsheet: name it .xlsx", at: SourceLocation(file: file))
            }
            throw FormatError("is a ZIP archive without content.xml: not an OpenDocument spreadsheet, or a damaged one", at: SourceLocation(file: file))
        }

        // Cell styles (with their parents) and the precision of the date styles they name,
        // from styles.xml (common styles) and content.xml (automatic styles).
        var dataStyleOf: [String: String] = [:], parentOf: [String: String] = [:]
        var datePrecision: [String: SpreadsheetDates.Precision?] = [:]
        func readStyles(_ event: XMLEvent, _ current: inout (name: String, precision: SpreadsheetDates.Precision?)?) {
            switch event.kind {
            case .start("style", _, let a):
                if let name = a["style:name"] ?? a["name"], ODSWorkbook.attribute(a, "family") == "table-cell" {
                    if let d = ODSWorkbook.attribute(a, "data-style-name") { dataStyleOf[name] = d }
                    if let p = ODSWorkbook.attribute(a, "parent-style-name") { parentOf[name] = p }
                }
            case .start("date-style", _, let a):
                if let name = a["style:name"] ?? a["name"] { current = (name, nil) }
            case .start(let part, _, _) where current != nil && ["year", "month", "day"].contains(part):
                let p: SpreadsheetDates.Precision = part == "day" ? .day : part == "month" ? .month : .year
                current!.precision = max(current!.precision ?? p, p)
            case .end("date-style", _):
                if let c = current { datePrecision[c.name] = c.precision }
                current = nil
            default: break
            }
        }
        if package.contains("styles.xml") {
            var current: (name: String, precision: SpreadsheetDates.Precision?)?
            try XLSXWorkbook.parse("styles.xml", in: package, what: "OpenDocument styles XML") { readStyles($0, &current) }
        }
        func precision(ofStyle style: String?) -> SpreadsheetDates.Precision? {
            var name = style, seen = 0
            while let n = name, seen < 32 {
                if let d = dataStyleOf[n] { return datePrecision[d] ?? nil }
                name = parentOf[n]
                seen += 1
            }
            return nil
        }

        var names: [String] = [], tables: [SheetTable] = [], allIssues: [[ValidationIssue]] = []
        var styleEvents: (name: String, precision: SpreadsheetDates.Precision?)?
        // The sheet being read.
        var tableDepth = 0
        var rows: [SheetTable.Row] = [], found: [ValidationIssue] = [], cellCount = 0
        var columnStyles: [(first: Int, count: Int, style: String)] = [], nextColumn = 1
        var row = 0, rowRepeat = 1, column = 0
        var rowCells: [(column: Int, value: SheetValue)] = []
        // The cell being read.
        var cellAttributes: [String: String]?, cellRepeat = 1, cellText = "", paragraphs = 0
        var inAnnotation = 0
        try XLSXWorkbook.parse("content.xml", in: package, what: "OpenDocument content XML") { event in
            func damaged(_ message: String) -> FormatError {
                FormatError(message, at: SourceLocation(file: file, part: "content.xml", line: event.line, column: event.column))
            }
            func count(_ a: [String: String], _ name: String) throws -> Int {
                guard let v = ODSWorkbook.attribute(a, name) else { return 1 }
                guard let n = Int(v), n >= 1, n <= 1 << 24 else { throw damaged("\(name) '\(v)' is not a count from 1 to \(1 << 24)") }
                return n
            }
            if tableDepth == 0 { readStyles(event, &styleEvents) }
            switch event.kind {
            case .start("table", _, let a):
                tableDepth += 1
                if tableDepth == 1 {
                    names.append(a["table:name"] ?? a["name"] ?? "Sheet\(names.count + 1)")
                    rows = []; found = []; columnStyles = []; nextColumn = 1; row = 0
                }
            case .end("table", _):
                tableDepth -= 1
                if tableDepth == 0 {
                    tables.append(SheetTable(name: names[names.count - 1], rows: rows))
                    allIssues.append(found)
                }
            case _ where tableDepth != 1:
                return
            case .start("table-column", _, let a):
                let n = try count(a, "number-columns-repeated")
                if let style = ODSWorkbook.attribute(a, "default-cell-style-name") { columnStyles.append((nextColumn, n, style)) }
                nextColumn += n
            case .start("table-row", _, let a):
                rowRepeat = try count(a, "number-rows-repeated")
                row += 1
                column = 0
                rowCells = []
            case .end("table-row", _):
                if !rowCells.isEmpty {
                    cellCount += rowCells.count * (rowRepeat - 1)
                    if cellCount > ODSWorkbook.maximumCells {
                        throw damaged("more than \(ODSWorkbook.maximumCells) cells with values (repeated rows counted)")
                    }
                    for k in 0..<rowRepeat { rows.append(SheetTable.Row(number: row + k, cells: rowCells)) }
                }
                row += rowRepeat - 1
            case .start("covered-table-cell", _, let a):
                column += try count(a, "number-columns-repeated")
            case .start("table-cell", _, let a):
                cellRepeat = try count(a, "number-columns-repeated")
                cellAttributes = a
                cellText = ""; paragraphs = 0
            case .start("annotation", _, _): inAnnotation += 1
            case .end("annotation", _): inAnnotation -= 1
            case .start("p", _, _) where inAnnotation == 0 && cellAttributes != nil:
                if paragraphs > 0 { cellText += "\n" }
                paragraphs += 1
            case .start("s", _, let a) where inAnnotation == 0 && cellAttributes != nil:
                cellText += String(repeating: " ", count: min(try count(a, "c"), 1000))
            case .start("tab", _, _) where inAnnotation == 0 && cellAttributes != nil: cellText += "\t"
            case .start("line-break", _, _) where inAnnotation == 0 && cellAttributes != nil: cellText += "\n"
            case .text(let t) where inAnnotation == 0 && cellAttributes != nil && paragraphs > 0: cellText += t
            case .end("table-cell", _):
                guard let a = cellAttributes else { return }
                cellAttributes = nil
                let first = column + 1
                column += cellRepeat
                guard let type = ODSWorkbook.attribute(a, "value-type") else { return }
                let location = SourceLocation(file: file, part: "sheet '\(names[names.count - 1])'", line: row, column: first, unit: "cell")
                func problem(_ message: String) { found.append(ValidationIssue(.network, message, location: location)) }
                if a["calcext:value-type"] == "error" {
                    problem("holds the error \(cellText)"); return
                }
                let read: SheetValue?
                switch type {
                case "float", "percentage", "currency":
                    let v = ODSWorkbook.attribute(a, "value") ?? ""
                    guard let d = Double(v), d.isFinite else { problem("is a number cell holding '\(v)', which is not a number"); return }
                    read = .number(d)
                case "boolean":
                    let v = ODSWorkbook.attribute(a, "boolean-value") ?? ""
                    guard ["true", "false"].contains(v) else { problem("is a boolean cell holding '\(v)', which is neither true nor false"); return }
                    read = .boolean(v == "true")
                case "date":
                    let v = ODSWorkbook.attribute(a, "date-value") ?? ""
                    let style = ODSWorkbook.attribute(a, "style-name") ?? columnStyles.last { $0.first <= first && first < $0.first + $0.count }?.style
                    guard let d = SpreadsheetDates.date(iso: v, precision: precision(ofStyle: style) ?? .day) else {
                        problem("is a date cell holding '\(v)', which is not a date from 0001 to 9999"); return
                    }
                    read = .date(d)
                case "time":
                    let v = ODSWorkbook.attribute(a, "time-value") ?? ""
                    guard let days = ODSWorkbook.days(duration: v) else { problem("is a time cell holding '\(v)', which is not a duration (PT12H30M00S)"); return }
                    read = .number(days)
                case "string":
                    read = .text(ODSWorkbook.attribute(a, "string-value") ?? cellText)
                default:
                    problem("has the value type '\(type)', which OpenDocument does not define"); return
                }
                guard let read, read != .text("") else { return }
                guard first + cellRepeat - 1 <= ODSWorkbook.maximumColumns else { throw damaged("a cell past column \(ODSWorkbook.maximumColumns)") }
                cellCount += cellRepeat
                if cellCount > ODSWorkbook.maximumCells {
                    throw damaged("more than \(ODSWorkbook.maximumCells) cells with values (repeated cells counted)")
                }
                for k in 0..<cellRepeat { rowCells.append((first + k, read)) }
            default: break
            }
        }
        sheetNames = names
        self.tables = tables
        issues = allIssues
    }

    /// The sheet at `index` of `sheetNames`, with the cells that could not be read in `issues`.
    func table(at index: Int, issues: inout [ValidationIssue]) -> SheetTable {
        issues += self.issues[index]
        return tables[index]
    }

    /// Days in an ISO 8601 duration of hours, minutes and seconds (`PT12H30M00S` is 0.52083…).
    static func days(duration: String) -> Double? {
        var s = Substring(duration)
        let negative = s.hasPrefix("-")
        if negative { s = s.dropFirst() }
        guard s.hasPrefix("PT") else { return nil }
        s = s.dropFirst(2)
        var seconds = 0.0, number = ""
        for c in s {
            if c.isASCII && (c.isNumber || c == ".") { number.append(c); continue }
            guard let v = Double(number) else { return nil }
            switch c {
            case "H": seconds += v * 3600
            case "M": seconds += v * 60
            case "S": seconds += v
            default: return nil
            }
            number = ""
        }
        guard number.isEmpty else { return nil }
        return (negative ? -seconds : seconds) / 86_400
    }
}
