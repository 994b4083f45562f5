// XLSX workbooks (Office Open XML SpreadsheetML, as Excel, LibreOffice, Google Sheets and
// openpyxl write them): the sheets' names, and each sheet's cells as typed values.
//
// Read: shared strings and inline strings (rich text runs joined, phonetic runs left out,
// `_xHHHH_` escapes decoded); numbers; booleans; dates (numbers whose cell style has a date
// format: built-in 14–17 and 22, or a custom format showing a day, month or year; see
// `SpreadsheetDates`) in the 1900 or the 1904 date system (`date1904` in workbook.xml); ISO 8601
// date cells (`t="d"`); formulas, through the value the spreadsheet computed and cached; sparse
// rows and cells placed by their references (`C7`), or one after another where a writer leaves
// references out.
//
// Not supported (reported at the cell): a formula without a cached value (openpyxl writes those:
// opening and saving the workbook in a spreadsheet program computes them); error values
// (`#DIV/0!`, `#N/A`). Not read: merged cells (only their first cell has the value), hidden
// rows and sheets (read like the others), comments, and anything outside the cells.
import Foundation
import PartnerGraph

/// An XLSX workbook's sheets, each read on request.
struct XLSXWorkbook {
    /// A sheet as the workbook lists it.
    struct Sheet {
        enum Kind { case worksheet, chart, other }
        var name: String
        /// The sheet's part in the archive (nil when the workbook names none).
        var path: String?
        var kind: Kind
    }

    let file: String
    let sheets: [Sheet]
    /// Whether dates count from 1904-01-01 (day 0) instead of 1900-01-01 (day 1).
    let date1904: Bool
    private let package: ZIPPackage
    private let sharedStrings: [String]
    /// The date precision of each cell style (`s`), nil for styles that show no date.
    private let styleDates: [SpreadsheetDates.Precision?]

    /// Opens the workbook in `data` and reads its sheet list, shared strings and styles.
    /// - Throws: `FormatError` naming the file and the part for a file that is no ZIP archive,
    ///   a damaged archive, missing or malformed parts.
    init(data: Data, file: String) throws {
        self.file = file
        let package = try ZIPPackage(data: data, file: file, what: "an XLSX workbook")
        self.package = package
        // The workbook part, as the package's relationships name it.
        var workbookPath = "xl/workbook.xml"
        if let rels = try XLSXWorkbook.relationships(of: "", in: package),
           let office = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            workbookPath = office.target
        }
        guard package.contains(workbookPath) else {
            if package.contains("content.xml") && package.contains("mimetype") {
                throw FormatError("is an OpenDocument file, not an XLSX workbook: name it .ods", at: SourceLocation(file: file))
            }
            throw FormatError("is a ZIP archive without a workbook part (\(workbookPath)): not an XLSX workbook, or a damaged one", at: SourceLocation(file: file))
        }
        let rels = try XLSXWorkbook.relationships(of: workbookPath, in: package) ?? [:]

        var sheets: [Sheet] = []
        var date1904 = false
        try XLSXWorkbook.parse(workbookPath, in: package, what: "workbook XML") { event in
            guard case .start(let name, _, let attributes) = event.kind else { return }
            switch name {
            case "workbookPr":
                date1904 = ["1", "true"].contains(XLSXWorkbook.attribute(attributes, "date1904")?.lowercased() ?? "")
            case "sheet":
                guard let sheetName = XLSXWorkbook.attribute(attributes, "name") else { return }
                let rel = XLSXWorkbook.attribute(attributes, "id").flatMap { rels[$0] }
                let kind: Sheet.Kind = rel.map { $0.type.hasSuffix("/worksheet") ? .worksheet : $0.type.hasSuffix("/chartsheet") ? .chart : .other } ?? .worksheet
                sheets.append(Sheet(name: sheetName, path: rel?.target, kind: kind))
            default: break
            }
        }
        self.sheets = sheets
        self.date1904 = date1904

        var strings: [String] = []
        if let path = rels.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, package.contains(path) {
            var current = "", inText = false, inPhonetic = false
            try XLSXWorkbook.parse(path, in: package, what: "shared strings XML") { event in
                switch event.kind {
                case .start("si", _, _): current = ""
                case .start("rPh", _, _): inPhonetic = true
                case .end("rPh", _): inPhonetic = false
                case .start("t", _, _): inText = !inPhonetic
                case .end("t", _): inText = false
                case .text(let t) where inText: current += t
                case .end("si", _): strings.append(XLSXWorkbook.unescape(current))
                default: break
                }
            }
        }
        sharedStrings = strings

        var precisions: [SpreadsheetDates.Precision?] = []
        if let path = rels.values.first(where: { $0.type.hasSuffix("/styles") })?.target, package.contains(path) {
            var formats: [Int: String] = [:]
            var styleFormats: [Int] = []
            var inCellStyles = false
            try XLSXWorkbook.parse(path, in: package, what: "styles XML") { event in
                switch event.kind {
                case .start("numFmt", _, let a):
                    if let id = XLSXWorkbook.attribute(a, "numFmtId").flatMap({ Int($0) }), let code = XLSXWorkbook.attribute(a, "formatCode") { formats[id] = code }
                case .start("cellXfs", _, _): inCellStyles = true
                case .end("cellXfs", _): inCellStyles = false
                case .start("xf", _, let a) where inCellStyles:
                    styleFormats.append(XLSXWorkbook.attribute(a, "numFmtId").flatMap { Int($0) } ?? 0)
                default: break
                }
            }
            precisions = styleFormats.map { id in formats[id].map(SpreadsheetDates.precision(ofFormat:)) ?? SpreadsheetDates.builtIn(id) }
        }
        styleDates = precisions
    }

    /// Reads a sheet's cells. Cells whose value cannot be read (see the file's notes) are left
    /// out and reported in `issues`, located at the cell.
    /// - Throws: `FormatError` when the sheet is a chart, its part is missing, or its XML is
    ///   malformed or names impossible cells.
    func table(_ sheet: Sheet, issues: inout [ValidationIssue]) throws -> SheetTable {
        let part = "sheet '\(sheet.name)'"
        guard sheet.kind == .worksheet else {
            throw FormatError("is \(sheet.kind == .chart ? "a chart" : "not a worksheet"), not a table of cells", at: SourceLocation(file: file, part: part))
        }
        guard let path = sheet.path, package.contains(path) else {
            throw FormatError("has no part in the archive (\(sheet.path ?? "none named")): a damaged workbook", at: SourceLocation(file: file, part: part))
        }
        func cellLocation(_ row: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, part: part, line: row, column: column, unit: "cell")
        }
        var cells: [(row: Int, column: Int, value: SheetValue)] = []
        var found: [ValidationIssue] = []
        var rowNumber = 0, lastRow = 0, lastColumn = 0
        // The cell being read.
        var cellRow = 0, cellColumn = 0, type = "n", style = 0
        var value: String?, inline = "", formula: String?
        var inValue = false, inInline = false, inText = false, inPhonetic = false, inFormula = false
        try XLSXWorkbook.parse(path, in: package, what: "sheet XML") { event in
            func damaged(_ message: String) -> FormatError {
                FormatError(message, at: SourceLocation(file: file, part: path, line: event.line, column: event.column))
            }
            switch event.kind {
            case .start("row", _, let a):
                if let r = XLSXWorkbook.attribute(a, "r") {
                    guard let n = Int(r), (1...XLSXWorkbook.maximumRows).contains(n) else { throw damaged("row number '\(r)' is not one from 1 to \(XLSXWorkbook.maximumRows)") }
                    rowNumber = n
                } else {
                    rowNumber = lastRow + 1
                }
                lastColumn = 0
            case .end("row", _):
                lastRow = rowNumber
            case .start("c", _, let a):
                if let ref = XLSXWorkbook.attribute(a, "r") {
                    guard let (column, row) = XLSXWorkbook.cellReference(ref) else {
                        throw damaged("cell reference '\(ref)' is not one (columns A to XFD, rows 1 to \(XLSXWorkbook.maximumRows))")
                    }
                    (cellColumn, cellRow) = (column, row)
                } else {
                    (cellColumn, cellRow) = (lastColumn + 1, max(rowNumber, 1))
                }
                lastColumn = cellColumn
                type = XLSXWorkbook.attribute(a, "t") ?? "n"
                style = XLSXWorkbook.attribute(a, "s").flatMap { Int($0) } ?? 0
                value = nil; inline = ""; formula = nil
            case .start("v", _, _): inValue = true; value = value ?? ""
            case .end("v", _): inValue = false
            case .start("f", _, _): inFormula = true; formula = formula ?? ""
            case .end("f", _): inFormula = false
            case .start("is", _, _): inInline = true
            case .end("is", _): inInline = false
            case .start("rPh", _, _): inPhonetic = true
            case .end("rPh", _): inPhonetic = false
            case .start("t", _, _): inText = inInline && !inPhonetic
            case .end("t", _): inText = false
            case .text(let t):
                if inValue { value! += t } else if inText { inline += t } else if inFormula { formula! += t }
            case .end("c", _):
                let location = cellLocation(cellRow, cellColumn)
                func problem(_ message: String) { found.append(ValidationIssue(.network, message, location: location)) }
                let v = value?.trimmingCharacters(in: .whitespaces) ?? ""
                if v.isEmpty && type != "inlineStr" {
                    if let formula { problem("holds a formula (=\(formula)) with no computed value; open and save the workbook in a spreadsheet program to compute it") }
                    return
                }
                let read: SheetValue?
                switch type {
                case "s":
                    guard let i = Int(v), sharedStrings.indices.contains(i) else {
                        problem("refers to shared string '\(v)', which the workbook does not have (\(sharedStrings.count) shared strings)"); return
                    }
                    read = .text(sharedStrings[i])
                case "inlineStr": read = .text(XLSXWorkbook.unescape(inline))
                case "str": read = .text(XLSXWorkbook.unescape(value ?? ""))
                case "b":
                    switch v.lowercased() {
                    case "1", "true": read = .boolean(true)
                    case "0", "false": read = .boolean(false)
                    default: problem("is a boolean cell holding '\(v)', which is neither 1 nor 0"); return
                    }
                case "e":
                    problem("holds the error \(v)\(formula.map { " (from its formula =\($0))" } ?? "")"); return
                case "d":
                    guard let d = SpreadsheetDates.date(iso: v, precision: styleDate(style) ?? .day) else {
                        problem("is a date cell holding '\(v)', which is not an ISO 8601 date from 0001 to 9999"); return
                    }
                    read = .date(d)
                case "n":
                    guard let d = Double(v), d.isFinite else { problem("is a number cell holding '\(v)', which is not a number"); return }
                    if let precision = styleDate(style) {
                        guard let date = SpreadsheetDates.date(serial: d, date1904: date1904, precision: precision) else {
                            problem("is formatted as a date but holds \(formatNumber(d)), which is no day from \(date1904 ? "1904" : "1900") to 9999 in the workbook's \(date1904 ? "1904" : "1900") date system"); return
                        }
                        read = .date(date)
                    } else {
                        read = .number(d)
                    }
                default:
                    problem("has the cell type '\(type)', which XLSX does not define"); return
                }
                if let read, read != .text("") { cells.append((cellRow, cellColumn, read)) }
            default: break
            }
        }
        // Rows and cells in order; a cell given twice is reported.
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        var rows: [SheetTable.Row] = []
        for (k, cell) in cells.enumerated() {
            if k > 0 && cells[k - 1].row == cell.row && cells[k - 1].column == cell.column {
                found.append(ValidationIssue(.network, "appears twice in the sheet", location: cellLocation(cell.row, cell.column)))
                continue
            }
            if rows.last?.number != cell.row { rows.append(SheetTable.Row(number: cell.row, cells: [])) }
            rows[rows.count - 1].cells.append((cell.column, cell.value))
        }
        issues += found
        return SheetTable(name: sheet.name, rows: rows)
    }

    private func styleDate(_ style: Int) -> SpreadsheetDates.Precision? {
        styleDates.indices.contains(style) ? styleDates[style] : nil
    }

    /// A sheet has at most 1,048,576 rows and 16,384 columns (A to XFD).
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// The column and row of a cell reference (`C7`, `$C$7`); nil when it is none.
    static func cellReference(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in ref.utf8 where u != UInt8(ascii: "$") {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...maximumColumns).contains(column), (1...maximumRows).contains(row) else { return nil }
        return (column, row)
    }

    /// An attribute by its local name, with or without a namespace prefix (`r:id`).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let v = attributes[name] { return v }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }

    /// Decodes the `_xHHHH_` escapes of OOXML strings (`_x000D_` is a carriage return;
    /// `_x005F_` an underscore).
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            if u[i] == "_", i + 6 < u.count, u[i + 1] == "x", u[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(u[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                i += 7
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(out)
    }

    /// A relationship: what it is (its type's URI) and the part it points to.
    struct Relationship { var type: String; var target: String }

    /// The relationships of the part at `path` ("" for the package's own), by id, with targets
    /// resolved to archive paths; nil when the part has no relationships part.
    static func relationships(of path: String, in package: ZIPPackage) throws -> [String: Relationship]? {
        let folder = (path as NSString).deletingLastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (path as NSString).lastPathComponent + ".rels"
        guard package.contains(relsPath) else { return nil }
        var out: [String: Relationship] = [:]
        try parse(relsPath, in: package, what: "relationships XML") { event in
            guard case .start("Relationship", _, let a) = event.kind, let id = attribute(a, "Id"), let type = attribute(a, "Type"),
                  let target = attribute(a, "Target"), attribute(a, "TargetMode") != "External" else { return }
            out[id] = Relationship(type: type, target: resolve(target, from: folder))
        }
        return out
    }

    /// An archive path for a relationship's target: absolute (`/xl/…`), or relative to `folder`.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
        var parts: [Substring] = []
        for p in joined.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    /// Parses the XML part at `path` with `SafeXMLReader`, locating its errors in the part.
    static func parse(_ path: String, in package: ZIPPackage, what: String, handle: (XMLEvent) throws -> Void) throws {
        guard let text = try package.text(path) else {
            throw FormatError("is missing from the archive: a damaged workbook", at: SourceLocation(file: package.file, part: path))
        }
        do {
            try SafeXMLReader.read(text, file: package.file, what: what, handle: handle)
        } catch var e as FormatError {
            if e.location?.part == nil { e.location?.part = path }
            throw e
        }
    }
}
