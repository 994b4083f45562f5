import Foundation
import Testing

/// Workbooks on the command line: README's examples, the sheet options, located errors and
/// their exit codes, and the refusal to write .xlsx. The files are the committed fixtures of
/// scripts/make_xlsx_fixtures.py.
@Suite struct SpreadsheetCommandTests {
    static let fixtures = "Tests/PartnerGraphFormatsTests/Fixtures/spreadsheets/"

    /// README's XLSX examples print what README shows.
    @Test func readmeExamples() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for arguments in [["validate", "Examples/nordic-innovation-procurement.xlsx"],
                          ["nodes", "Examples/nordic-innovation-procurement.xlsx", "--kinds", "person"]] {
            let r = try partnergraph(arguments)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(readme.contains("$ partnergraph " + arguments.joined(separator: " ") + "\n" + r.stdout),
                    "README's example differs from the output:\n\(r.stdout)")
        }
        #expect(readme.contains("$ partnergraph info workbook.xlsx --edges-sheet Ties --nodes-sheet Actors"))
        // The last example, on a workbook that has such sheets.
        let r = try partnergraph(["info", Self.fixtures + "openpyxl-types.xlsx", "--edges-sheet", "Ties", "--nodes-sheet", "Actors"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("nodes                            4\nedges                            3\n"), "\(r.stdout)")
    }

    /// The workbook converts to the same JSON as the YAML it was made from, but for what a
    /// cell cannot hold (lists) and what the CSV columns do not declare (sources, relation verbs).
    @Test func aWorkbookConverts() throws {
        let r = try partnergraph(["convert", "Examples/nordic-innovation-procurement.xlsx", "--to", "json", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.count == 17 && (json["edges"] as? [Any])?.count == 25)
        let lup = try #require(nodes.first { $0["id"] as? String == "lup" })
        let attributes = try #require(lup["attributes"] as? [String: Any])
        #expect(attributes["founded"] as? Int == 2010)
        #expect((attributes["procurementsSince"] as? [String: String]) == ["date": "2010"])
    }

    @Test func locatedErrorsExit65() throws {
        let bad = try partnergraph(["info", Self.fixtures + "openpyxl-bad-values.xlsx"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("partnergraph: \(Self.fixtures)openpyxl-bad-values.xlsx: sheet 'edges', cell C7: weight 'heavy' is not a number\n"), "\(bad.stderr)")
        #expect(bad.stderr.hasSuffix("partnergraph: 3 problems found\n"))
        let damaged = try partnergraph(["info", Self.fixtures + "damaged-endless-deflate.xlsx"])
        #expect(damaged.status == 65)
        #expect(damaged.stderr == "partnergraph: \(Self.fixtures)damaged-endless-deflate.xlsx: xl/worksheets/sheet1.xml: is damaged: its compressed data does not end where the archive says\n")
        let missing = try partnergraph(["info", Self.fixtures + "no-such-workbook.xlsx"])
        #expect(missing.status == 66)
    }

    @Test func sheetOptions() throws {
        let none = try partnergraph(["info", Self.fixtures + "openpyxl-no-edges.xlsx"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("has no sheet named 'edges' (its sheets: 'Ties', 'Actors'); name the sheet that holds the edges with --edges-sheet NAME"), "\(none.stderr)")
        let wrong = try partnergraph(["info", Self.fixtures + "openpyxl-no-edges.xlsx", "--edges-sheet", "Links"])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("has no sheet 'Links' to read the edges from (its sheets: 'Ties', 'Actors')"), "\(wrong.stderr)")
        let yaml = try partnergraph(["info", "Graphs/karate-club.yaml", "--nodes-sheet", "nodes"])
        #expect(yaml.status == 64)
        #expect(yaml.stderr.contains("--nodes-sheet goes with a workbook (.xlsx, .ods), not a yaml file"))
        let nodesFile = try partnergraph(["info", Self.fixtures + "openpyxl-types.xlsx", "--nodes", "nodes.csv"])
        #expect(nodesFile.status == 64)
        #expect(nodesFile.stderr.contains("--nodes-sheet NAME"))
    }

    @Test func workbooksAreNotWritten() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString).xlsx").path
        for arguments in [["convert", "Graphs/karate-club.yaml", "--to", "xlsx", "-o", out], ["convert", "Graphs/karate-club.yaml", "-o", out]] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64)
            #expect(r.stderr == "partnergraph: workbooks (.xlsx, .ods) are read, not written; write CSV (a folder of edges.csv and nodes.csv), which spreadsheet programs open\n")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        let ods = try partnergraph(["convert", "Graphs/karate-club.yaml", "--to", "ods", "-o", "-"])
        #expect(ods.status == 64 && ods.stdout.isEmpty)
    }

    /// An OpenDocument spreadsheet that LibreOffice wrote, with its sheets named.
    @Test func anOpenDocumentSpreadsheet() throws {
        let r = try partnergraph(["info", Self.fixtures + "libreoffice-types.ods", "--edges-sheet", "Ties", "--nodes-sheet", "Actors"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("nodes                            4\nedges                            3\n"), "\(r.stdout)")
    }
}
