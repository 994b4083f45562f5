import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// The XLSX and OpenDocument readers on workbooks that other programs wrote: openpyxl and LibreOffice (see
/// scripts/make_xlsx_fixtures.py, which wrote every file read here), damaged workbooks, and
/// the sheet rules on sheets built in memory.
@Suite struct SpreadsheetTests {
    static let fixtures = interchangeRoot.appendingPathComponent("Tests/PartnerGraphFormatsTests/Fixtures/spreadsheets")

    static func load(_ name: String, sheets: SheetChoice = SheetChoice()) throws -> Network {
        try NetworkFile.load(fixtures.appendingPathComponent(name).path, sheets: sheets)
    }

    /// The issues of a load that fails validation, as messages without the folder.
    static func issues(_ name: String, sheets: SheetChoice = SheetChoice()) -> [String] {
        do {
            _ = try load(name, sheets: sheets)
            return []
        } catch let e as NetworkValidationError {
            return e.issues.map { $0.description.replacingOccurrences(of: fixtures.path + "/", with: "") }
        } catch {
            return ["not a validation error: \(error)"]
        }
    }

    /// The message of a load that fails with a `FormatError`, without the folder.
    static func formatError(_ name: String, sheets: SheetChoice = SheetChoice()) -> String? {
        do {
            _ = try load(name, sheets: sheets)
            return nil
        } catch let e as FormatError {
            #expect(e.location?.file == fixtures.appendingPathComponent(name).path, "\(e)")
            return e.description.replacingOccurrences(of: fixtures.path + "/", with: "")
        } catch {
            return "not a FormatError: \(error)"
        }
    }

    /// A string's exact bytes, so that Ø is not matched by O and a combining ring.
    static func bytes(_ s: String?) -> [UInt8]? { s.map { Array($0.utf8) } }

    /// A YAML attribute as the workbook holds it: lists as text joined with "; " (what the CSV
    /// writer writes, since a cell holds one value), everything else as it is.
    static func asCell(_ v: AttributeValue) -> AttributeValue {
        if case .list(let items) = v { return .string(items.map(\.description).joined(separator: "; ")) }
        return v
    }

    // MARK: - The Nordic network

    /// Examples/nordic-innovation-procurement.xlsx (openpyxl, from the YAML) reads back as the
    /// YAML: every node and edge, every field byte for byte, every attribute with its type.
    @Test func theNordicWorkbookIsTheYAMLNetwork() throws {
        let yaml = try NetworkFile.load(interchangeRoot.appendingPathComponent("Graphs/nordic-innovation-procurement.yaml").path)
        let xlsx = try NetworkFile.load(interchangeRoot.appendingPathComponent("Examples/nordic-innovation-procurement.xlsx").path)
        #expect(xlsx.nodes.count == 17 && yaml.nodes.count == 17)
        #expect(xlsx.edges.count == 25 && yaml.edges.count == 25)
        for (a, b) in zip(xlsx.nodes, yaml.nodes) {
            #expect(Self.bytes(a.id.rawValue) == Self.bytes(b.id.rawValue))
            #expect(a.kind.id == b.kind.id, "\(b.id)")
            #expect(Self.bytes(a.label) == Self.bytes(b.label), "\(b.id)")
            #expect(Self.bytes(a.originalName) == Self.bytes(b.originalName), "\(b.id)")
            #expect(Self.bytes(a.country) == Self.bytes(b.country), "\(b.id)")
            #expect(Set(a.attributes.keys) == Set(b.attributes.keys), "\(b.id)")
            for (key, value) in b.attributes {
                #expect(a.attributes[key]?.typeName == Self.asCell(value).typeName, "\(b.id).\(key)")
                #expect(a.attributes[key] == Self.asCell(value), "\(b.id).\(key)")
            }
        }
        for (a, b) in zip(xlsx.edges, yaml.edges) {
            let name = "\(b.from) \(b.relation.id) \(b.to)"
            #expect(a.from == b.from && a.to == b.to && a.relation.id == b.relation.id, "\(name)")
            #expect(a.since == b.since && a.until == b.until && a.weight == b.weight, "\(name)")
            #expect(Set(a.attributes.keys) == Set(b.attributes.keys), "\(name)")
            for (key, value) in b.attributes {
                #expect(a.attributes[key] == Self.asCell(value), "\(name).\(key)")
            }
        }
        // Ø, æ and å as the YAML has them (precomposed), not only equal as Swift compares.
        let dfo = try #require(xlsx.nodes.first { $0.id == "dfo" })
        #expect(Self.bytes(dfo.label) == [0x44, 0x46, 0xC3, 0x98])
        let motiva = try #require(xlsx.nodes.first { $0.id == "motiva" })
        #expect(motiva.attributes["descriptionOriginal"] == .string("Finlands statslige virksomhed for bæredygtig udvikling"))
        // Dates keep the precision their cells' formats show.
        let lup = try #require(xlsx.nodes.first { $0.id == "lup" })
        #expect(lup.attributes["procurementsSince"] == .date(PartialDate(year: 2010)!))
        #expect(xlsx.nodes.first { $0.id == "nordic-seminar-2022" }?.attributes["date"] == .date(PartialDate(year: 2022, month: 10)!))
    }

    // MARK: - Typed cells

    /// openpyxl-types.xlsx and LibreOffice's re-saves of it as XLSX and OpenDocument: the same
    /// network, with the types the cells have. openpyxl writes inline strings (some with
    /// rich-text runs); LibreOffice writes shared strings, with runs, and booleans as TRUE() and
    /// FALSE() formulas with their values: in XLSX boolean cells, in OpenDocument the numbers 1
    /// and 0 (a float cell), which is what its .ods holds. LibreOffice's copies have a column of
    /// formulas whose saved values are read.
    @Test(arguments: ["openpyxl-types.xlsx", "libreoffice-types.xlsx", "libreoffice-types.ods"])
    func typedCells(file: String) throws {
        let ods = file.hasSuffix(".ods")
        func boolean(_ b: Bool) -> AttributeValue { ods ? .integer(b ? 1 : 0) : .boolean(b) }
        let n = try Self.load(file, sheets: SheetChoice(edges: "Ties", nodes: "actors"))
        #expect(n.nodes.map(\.id) == ["lup", "dfo", "co-pi", "keino"])
        let lup = n.nodes[0], dfo = n.nodes[1], copi = n.nodes[2], keino = n.nodes[3]
        #expect(lup.kind.id == "programme" && dfo.kind.id == "organisation")
        #expect(Self.bytes(lup.label) == Self.bytes("Leverandørutviklingsprogrammet"))
        #expect(Self.bytes(dfo.label) == [0x44, 0x46, 0xC3, 0x98])
        // Whole numbers in a whole column are integers; a column with a fraction is numbers.
        #expect(lup.attributes["founded"] == .integer(2010))
        #expect(keino.attributes["founded"] == .integer(2018))
        #expect(lup.attributes["budget"] == .number(12.5))
        #expect(dfo.attributes["budget"] == .number(3))
        #expect(copi.attributes["budget"] == .number(0.25))
        #expect(lup.attributes["stateOwned"] == boolean(false))
        #expect(dfo.attributes["stateOwned"] == boolean(true))
        // Dates: a day (yyyy-mm-dd), a month (yyyy-mm), a date-time (its time dropped), a year (yyyy).
        #expect(lup.attributes["opened"] == .date(PartialDate(year: 2010, month: 3, day: 1)!))
        #expect(dfo.attributes["opened"] == .date(PartialDate(year: 2016, month: 1)!))
        #expect(copi.attributes["opened"] == .date(PartialDate(year: 2022, month: 10, day: 27)!))
        #expect(keino.attributes["opened"] == .date(PartialDate(year: 2018)!))
        // Rich text: the runs joined.
        #expect(copi.label == "CO-PI")
        #expect(Self.bytes(copi.attributes["note"]?.description) == Self.bytes("ø/æ/å Ø/Æ/Å"))
        #expect(lup.attributes["note"] == .string("shared"))
        // Sparse: keino's row has no B, C, D or F; an empty row between is skipped.
        #expect(keino.kind.id == "node" && keino.label == nil && keino.country == nil && keino.attributes["budget"] == nil)
        #expect(dfo.attributes["note"] == nil)

        #expect(n.edges.count == 3)
        let e = n.edges
        #expect(e[0].from == "dfo" && e[0].to == "lup" && e[0].relation.id == "founded")
        #expect(e[0].weight == 1 && e[1].weight == 2.5 && e[2].weight == nil)
        // since: a date cell shown as yyyy, then text; until: a date shown as "d mmmm yyyy".
        #expect(e[0].since == PartialDate(year: 2010) && e[1].since == PartialDate(year: 2022, month: 10))
        #expect(e[1].until == PartialDate(year: 2022, month: 10, day: 28))
        #expect(e[0].attributes["share"] == .number(0.5))
        #expect(e[0].attributes["confirmed"] == boolean(true) && e[1].attributes["confirmed"] == boolean(false))
        #expect(e[1].attributes["delegates"] == .integer(6) && e[2].attributes["delegates"] == .integer(6))
        #expect(e[2].relation.id == "connected-to" && e[2].attributes["confirmed"] == nil)
        if file.hasPrefix("libreoffice") {
            // =D2*2, =D3*2 and =I4*2, as LibreOffice computed them.
            #expect(e.map { $0.attributes["double"] } == [.integer(2), .integer(5), .integer(12)])
        } else {
            #expect(e.allSatisfy { $0.attributes["double"] == nil })
        }
    }

    /// A CSV edge table that LibreOffice converted (`soffice --convert-to xlsx`, and `ods`):
    /// one sheet, named after the file, read as the edges; LibreOffice typed the dates and
    /// TRUE/FALSE (booleans in both formats).
    @Test(arguments: ["libreoffice-edges.xlsx", "libreoffice-edges.ods"])
    func aCSVFileConvertedByLibreOffice(file: String) throws {
        let n = try Self.load(file)
        #expect(n.nodes.count == 5 && n.edges.count == 3)
        #expect(n.edges.map(\.weight) == [1, 2.5, 3])
        #expect(n.edges.map(\.since) == [PartialDate("2010-05-01"), PartialDate("2011-01-15"), PartialDate("2012-12-31")])
        #expect(n.edges.map { $0.attributes["active"] } == [.boolean(true), .boolean(false), .boolean(true)])
        #expect(Self.bytes(n.edges[2].from.rawValue) == Self.bytes("Næringslivets Hovedorganisasjon"))
        #expect(Self.bytes(n.edges[2].to.rawValue) == Self.bytes("Forskningsrådet"))
    }

    /// A workbook in the 1904 date system (workbook.xml says date1904), whose one sheet is
    /// not named edges.
    @Test func the1904DateSystem() throws {
        let n = try Self.load("openpyxl-1904.xlsx")
        #expect(n.edges.count == 1)
        #expect(n.edges[0].since == PartialDate(year: 2022, month: 10, day: 27))
        #expect(n.edges[0].attributes["signed"] == .date(PartialDate(year: 1904, month: 1, day: 1)!))
    }

    // MARK: - Located errors

    @Test func badCellsAreLocated() {
        #expect(Self.issues("openpyxl-bad-values.xlsx") == [
            "openpyxl-bad-values.xlsx: sheet 'edges', cell D3: since 'soon' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)",
            "openpyxl-bad-values.xlsx: sheet 'edges', cell C4: weight 'true' is not a number",
            "openpyxl-bad-values.xlsx: sheet 'edges', cell C7: weight 'heavy' is not a number",
        ])
    }

    /// openpyxl writes formulas without computing them.
    @Test func aFormulaWithoutAValue() {
        #expect(Self.issues("openpyxl-formula.xlsx") == [
            "openpyxl-formula.xlsx: sheet 'edges', cell C3: holds a formula (=C2*2) with no computed value; open and save the workbook in a spreadsheet program to compute it",
        ])
    }

    @Test func sheetsThatAreNotThere() {
        #expect(Self.formatError("openpyxl-no-edges.xlsx")
                == "openpyxl-no-edges.xlsx: has no sheet named 'edges' (its sheets: 'Ties', 'Actors'); name the sheet that holds the edges")
        #expect(Self.formatError("openpyxl-no-edges.xlsx", sheets: SheetChoice(edges: "Links"))
                == "openpyxl-no-edges.xlsx: has no sheet 'Links' to read the edges from (its sheets: 'Ties', 'Actors')")
        #expect(Self.formatError("openpyxl-no-edges.xlsx", sheets: SheetChoice(edges: "ties", nodes: "People"))
                == "openpyxl-no-edges.xlsx: has no sheet 'People' to read the nodes from (its sheets: 'Ties', 'Actors')")
        #expect(Self.formatError("openpyxl-no-edges.xlsx", sheets: SheetChoice(edges: "Ties", nodes: "TIES"))
                == "openpyxl-no-edges.xlsx: sheet 'Ties' cannot hold both the edges and the nodes")
        // Named sheets: the node sheet's header must have an 'id'.
        #expect(Self.formatError("openpyxl-no-edges.xlsx", sheets: SheetChoice(edges: "Actors", nodes: "Ties"))
                == "openpyxl-no-edges.xlsx: sheet 'Ties', row 1: the header has no 'id' column (found: source, target)")
    }

    /// Damaged workbooks (written by scripts/make_xlsx_fixtures.py with Python's zipfile) give
    /// one located message each, and return: the endless deflate stream made ZIPFoundation
    /// 0.9.20 on Linux spin forever before the guards in ZIPPackage.
    @Test(.timeLimit(.minutes(1)), arguments: [
        ("damaged-not-a-zip.xlsx", "damaged-not-a-zip.xlsx: is not an XLSX workbook: an XLSX workbook is a ZIP archive, and this file is not one"),
        ("damaged-truncated.xlsx", "damaged-truncated.xlsx: is not a complete ZIP archive (the directory at its end is missing or damaged: a truncated or damaged file)"),
        ("damaged-no-workbook.xlsx", "damaged-no-workbook.xlsx: is a ZIP archive without a workbook part (xl/workbook.xml): not an XLSX workbook, or a damaged one"),
        ("damaged-no-sheet-part.xlsx", "damaged-no-sheet-part.xlsx: sheet 'edges': has no part in the archive (xl/worksheets/sheet1.xml): a damaged workbook"),
        ("damaged-malformed-sheet.xlsx", "damaged-malformed-sheet.xlsx: xl/worksheets/sheet1.xml, line 1, column "),
        ("damaged-huge-part.xlsx", "damaged-huge-part.xlsx: xl/worksheets/sheet1.xml: would unpack to 4.0 GB, more than the 512 MB a part may have here (a damaged file, or a ZIP bomb)"),
        ("damaged-larger-than-declared.xlsx", "damaged-larger-than-declared.xlsx: xl/worksheets/sheet1.xml: unpacks to more than the 690 bytes its header declares (a damaged file, or a ZIP bomb)"),
        ("damaged-deflate.xlsx", "damaged-deflate.xlsx: xl/worksheets/sheet1.xml: is damaged: "),
        ("damaged-endless-deflate.xlsx", "damaged-endless-deflate.xlsx: xl/worksheets/sheet1.xml: is damaged: its compressed data does not end where the archive says"),
    ])
    func damagedWorkbooks(file: String, message: String) {
        let m = Self.formatError(file)
        #expect(m?.hasPrefix(message) == true, "\(m ?? "no error")")
    }

    /// Every prefix of a workbook, and the workbook with any one of its bytes changed (at a
    /// stride), fails with a located error or loads: never a crash, never a hang.
    @Test(.timeLimit(.minutes(2)), arguments: ["libreoffice-types.xlsx", "libreoffice-types.ods"])
    func everyDamageIsLocated(file: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
        var cases: [Data] = stride(from: 0, to: data.count, by: 97).map { data.prefix($0) }
        for i in stride(from: 0, to: data.count, by: 29) {
            var d = data
            d[i] ^= 0xA5
            cases.append(d)
        }
        for d in cases {
            do {
                let reader = SpreadsheetNetworkReader(sheets: SheetChoice(edges: "Ties", nodes: "Actors"))
                _ = try file.hasSuffix(".ods") ? reader.read(ods: d, file: "d.xlsx") : reader.read(xlsx: d, file: "d.xlsx")
            } catch let e as FormatError {
                #expect(e.location?.file == "d.xlsx", "\(e)")
            } catch let e as NetworkValidationError {
                #expect(e.issues.allSatisfy { $0.location?.file == "d.xlsx" }, "\(e)")
            }
        }
    }

    // MARK: - The sheet rules, on sheets built in memory

    static func sheet(_ name: String, _ rows: [(Int, [(Int, SheetValue)])]) -> SheetTable {
        SheetTable(name: name, rows: rows.map { SheetTable.Row(number: $0.0, cells: $0.1) })
    }

    static func read(_ edges: SheetTable, _ nodes: SheetTable? = nil) throws -> Network {
        try SpreadsheetNetworkReader().read(edges: edges, nodes: nodes, file: "b.xlsx")
    }

    static func message(_ body: () throws -> Network) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    /// The header is the first row with a value, and may start right of column A; rows keep
    /// their own numbers in messages.
    @Test func theHeaderIsTheFirstRowWithAValue() throws {
        let edges = Self.sheet("edges", [
            (3, [(2, .text("source")), (3, .text("target")), (4, .text("weight"))]),
            (5, [(2, .text("a")), (3, .text("b")), (4, .number(2))]),
            (9, [(2, .text("b")), (3, .number(7)), (4, .text("x"))]),
        ])
        #expect(Self.message { try Self.read(edges) } == "b.xlsx: sheet 'edges', cell D9: weight 'x' is not a number")
        var fixed = edges
        fixed.rows[2].cells[2] = (4, .number(1.5))
        let n = try Self.read(fixed)
        #expect(n.edges.map(\.to) == ["b", "7"])
        #expect(n.edges.map(\.weight) == [2, 1.5])
        // A row without cells is no header, and no record.
        fixed.rows.insert(SheetTable.Row(number: 1, cells: []), at: 0)
        fixed.rows.insert(SheetTable.Row(number: 6, cells: []), at: 2)
        #expect(try Self.read(fixed).edges.count == 2)
    }

    @Test func headerAndStrayCells() {
        let gap = Self.sheet("edges", [(1, [(1, .text("source")), (3, .text("target"))])])
        #expect(Self.message { try Self.read(gap) } == "b.xlsx: sheet 'edges', cell B1: the header's cell is empty; every column needs a name")
        let twice = Self.sheet("edges", [(1, [(1, .text("source")), (2, .text("target")), (3, .text("source"))])])
        #expect(Self.message { try Self.read(twice) } == "b.xlsx: sheet 'edges', cell C1: column 'source' appears twice in the header")
        let stray = Self.sheet("edges", [
            (1, [(1, .text("source")), (2, .text("target"))]),
            (2, [(1, .text("a")), (2, .text("b")), (5, .text("note"))]),
        ])
        #expect(Self.message { try Self.read(stray) } == "b.xlsx: sheet 'edges', cell E2: a value right of the header's last column (B); name its column in the header or clear the cell")
        let empty = Self.sheet("Ties", [])
        #expect(Self.message { try Self.read(empty) } == "b.xlsx: sheet 'Ties': the edge table is empty (it needs a header with 'source' and 'target' columns)")
        let noTarget = Self.sheet("edges", [(1, [(1, .text("source")), (2, .text("target"))]), (4, [(1, .text("a"))])])
        #expect(Self.message { try Self.read(noTarget) } == "b.xlsx: sheet 'edges', cell B4: empty target")
    }

    /// Nodes the edges name but the node sheet lacks are reported at the edge's row.
    @Test func validationNamesTheSheetAndRow() {
        let nodes = Self.sheet("nodes", [(1, [(1, .text("id"))]), (2, [(1, .text("a"))])])
        let edges = Self.sheet("edges", [(1, [(1, .text("source")), (2, .text("target"))]), (2, [(1, .text("a")), (2, .text("z"))])])
        #expect(Self.message { try Self.read(edges, nodes) }.hasPrefix("b.xlsx: sheet 'edges', row 2: "))
    }

    // MARK: - Pieces

    @Test func dateFormats() {
        let cases: [(String, SpreadsheetDates.Precision?)] = [
            ("yyyy-mm-dd", .day), ("yyyy\\-mm\\-dd", .day), ("d\\ mmmm\\ yyyy", .day), ("[$-409]mmmm d, yyyy;@", .day),
            ("yyyy-mm", .month), ("mmm yyyy", .month), ("MMM-YY", .month), ("yyyy", .year), ("YYYY", .year),
            ("yyyy-mm-dd h:mm:ss", .day), ("m/d/yy h:mm", .day),
            ("h:mm", nil), ("mm:ss", nil), ("[h]:mm:ss", nil), ("hh:mm AM/PM", nil), ("h:mm a/p", nil), ("d/m/yy h:mm AM/PM", .day),
            ("General", nil), ("0.00E+00", nil), ("#,##0.00 \"days\"", nil), ("0\\d", nil), ("@", nil), ("0.0%", nil),
            ("[Red]0.00;[Blue]-0.00", nil), ("#,##0 [$kr-414]", nil),
        ]
        for (code, precision) in cases {
            #expect(SpreadsheetDates.precision(ofFormat: code) == precision, "\(code)")
        }
        #expect(SpreadsheetDates.builtIn(14) == .day && SpreadsheetDates.builtIn(17) == .month)
        #expect(SpreadsheetDates.builtIn(20) == nil && SpreadsheetDates.builtIn(0) == nil)
    }

    @Test func serialNumbers() {
        func day(_ serial: Double, _ date1904: Bool = false) -> String? {
            SpreadsheetDates.date(serial: serial, date1904: date1904, precision: .day)?.description
        }
        #expect(day(1) == "1900-01-01" && day(59) == "1900-02-28" && day(60) == nil && day(61) == "1900-03-01")
        #expect(day(44861) == "2022-10-27" && day(44861.999) == "2022-10-27" && day(2_958_465) == "9999-12-31")
        #expect(day(0) == nil && day(-1) == nil && day(2_958_466) == nil && day(.nan) == nil)
        #expect(day(0, true) == "1904-01-01" && day(43399, true) == "2022-10-27")
        #expect(SpreadsheetDates.date(serial: 44861, date1904: false, precision: .month)?.description == "2022-10")
        #expect(SpreadsheetDates.date(iso: "2022-10-27T14:30:00", precision: .year)?.description == "2022")
    }

    @Test func openDocumentPieces() throws {
        #expect(ODSWorkbook.days(duration: "PT12H00M00S") == 0.5)
        #expect(ODSWorkbook.days(duration: "PT36H") == 1.5 && ODSWorkbook.days(duration: "-PT6H") == -0.25)
        #expect(ODSWorkbook.days(duration: "12:00") == nil && ODSWorkbook.days(duration: "PT12X") == nil)
        #expect(ODSWorkbook.attribute(["office:value-type": "float", "calcext:value-type": "error"], "value-type") == "float")
        // An XLSX file named .ods, and the other way round, say so.
        let xlsx = try Data(contentsOf: Self.fixtures.appendingPathComponent("libreoffice-types.xlsx"))
        let ods = try Data(contentsOf: Self.fixtures.appendingPathComponent("libreoffice-types.ods"))
        #expect(throws: FormatError.self) { _ = try SpreadsheetNetworkReader().read(ods: xlsx, file: "x.ods") }
        do { _ = try SpreadsheetNetworkReader().read(ods: xlsx, file: "x.ods") } catch {
            #expect("\(error)" == "x.ods: is an XLSX workbook, not an OpenDocument spreadsheet: name it .xlsx")
        }
        do { _ = try SpreadsheetNetworkReader().read(xlsx: ods, file: "x.xlsx") } catch {
            #expect("\(error)" == "x.xlsx: is an OpenDocument file, not an XLSX workbook: name it .ods")
        }
    }

    @Test func cellReferencesAndNames() {
        #expect(XLSXWorkbook.cellReference("C7")! == (3, 7))
        #expect(XLSXWorkbook.cellReference("$AA$10")! == (27, 10))
        #expect(XLSXWorkbook.cellReference("XFD1048576")! == (16384, 1_048_576))
        for bad in ["", "7", "C", "C0", "XFE1", "A1048577", "7C", "C-1", "AAAA1"] {
            #expect(XLSXWorkbook.cellReference(bad) == nil, "\(bad)")
        }
        #expect([1, 26, 27, 52, 703, 16384].map(SourceLocation.columnName) == ["A", "Z", "AA", "AZ", "AAA", "XFD"])
        #expect(XLSXWorkbook.unescape("a_x000D_b_x005F_x0041_") == "a\rb_x0041_")
        #expect(XLSXWorkbook.unescape("no_xescape_") == "no_xescape_")
        #expect(XLSXWorkbook.resolve("/xl/worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbook.resolve("../media/x.xml", from: "xl/worksheets") == "xl/media/x.xml")
    }

    @Test func locations() {
        #expect(SourceLocation(file: "b.xlsx", part: "sheet 'edges'", line: 7, column: 3, unit: "cell").description == "b.xlsx: sheet 'edges', cell C7")
        #expect(SourceLocation(file: "b.xlsx", part: "sheet 'edges'", line: 7, unit: "row").description == "b.xlsx: sheet 'edges', row 7")
        #expect(SourceLocation(file: "b.xlsx", part: "xl/styles.xml", line: 3, column: 15).description == "b.xlsx: xl/styles.xml, line 3, column 15")
        #expect(SourceLocation(file: "b.xlsx", part: "sheet 'edges'").description == "b.xlsx: sheet 'edges'")
        #expect(SourceLocation(file: "e.csv", line: 7, unit: "row").description == "e.csv: row 7")
        #expect(SourceLocation(file: "g.gml", line: 3, column: 2).description == "g.gml:3:2")
    }

    /// Workbooks are read, not written; sheets are chosen only in workbooks.
    @Test func workbooksAreReadOnly() throws {
        let n = try Self.load("openpyxl-1904.xlsx")
        #expect(throws: FormatError.self) { _ = try NetworkFile.save(n, to: "/tmp/never-written.xlsx") }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.xlsx"))
        #expect(!NetworkFile.Format.xlsx.isWritable && !NetworkFile.Format.ods.isWritable && NetworkFile.Format.csv.isWritable)
        let yaml = interchangeRoot.appendingPathComponent("Graphs/karate-club.yaml").path
        #expect(throws: FormatError.self) { _ = try NetworkFile.load(yaml, sheets: SheetChoice(edges: "edges")) }
    }
}
