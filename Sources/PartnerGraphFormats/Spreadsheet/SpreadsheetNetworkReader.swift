import Foundation
import PartnerGraph

/// Which sheets of a workbook hold the edges and the nodes.
public struct SheetChoice: Sendable, Equatable {
    /// The edges' sheet by name; nil: the sheet named `edges` (ignoring case), or the only sheet
    /// when the workbook has one.
    public var edges: String?
    /// The nodes' sheet by name; nil: the sheet named `nodes` (ignoring case), when there is one.
    public var nodes: String?

    public init(edges: String? = nil, nodes: String? = nil) {
        self.edges = edges
        self.nodes = nodes
    }

    /// Whether a sheet is named.
    public var isDefault: Bool { edges == nil && nodes == nil }
}

/// Reads a network from a workbook: an XLSX file (Excel, LibreOffice, Google Sheets, openpyxl)
/// or an OpenDocument spreadsheet (.ods: LibreOffice, OpenOffice).
///
/// The edges' sheet and the nodes' sheet have the CSV reader's columns (`CSVNetworkReader`:
/// `source,target` required, `relation`, `weight`, `since`, `until`; `id` required, `kind`,
/// `label`, `originalName`, `country`; other columns become attributes), in a header that is
/// the sheet's first row with a value. Cells keep their types: a number cell is an integer
/// attribute (a number one when its column holds a fraction), a boolean cell a boolean, a
/// date-formatted cell a date of its format's precision (see `SpreadsheetDates`; in
/// OpenDocument a date cell, to its date style's precision), a text cell a string. Sheets are chosen by `SheetChoice`: by default `edges` (any case) and, when there is
/// one, `nodes`; a workbook with one sheet and no `edges` sheet has its one sheet read as the
/// edges. Messages name the sheet and the cell: `book.xlsx: sheet 'edges', cell C7: weight
/// 'heavy' is not a number`.
public struct SpreadsheetNetworkReader: Sendable {
    /// Whether edges are directed (default: symmetric), as for CSV.
    public var directed: Bool
    public var sheets: SheetChoice

    public init(directed: Bool = false, sheets: SheetChoice = SheetChoice()) {
        self.directed = directed
        self.sheets = sheets
    }

    /// Reads the network from an XLSX workbook's bytes; `file` names it in messages.
    /// - Throws: `FormatError` for a damaged workbook, a sheet that is not there (listing the
    ///   sheets there are) or a header without the required columns; `NetworkValidationError`
    ///   listing every cell and row that cannot be read.
    public func read(xlsx data: Data, file: String) throws -> Network {
        let workbook = try XLSXWorkbook(data: data, file: file)
        return try read(sheets: workbook.sheets.map(\.name), file: file) { try workbook.table(workbook.sheets[$0], issues: &$1) }
    }

    /// Reads the network from an OpenDocument spreadsheet's bytes; `file` names it in messages.
    /// - Throws: as `read(xlsx:file:)`.
    public func read(ods data: Data, file: String) throws -> Network {
        let workbook = try ODSWorkbook(data: data, file: file)
        return try read(sheets: workbook.sheetNames, file: file) { workbook.table(at: $0, issues: &$1) }
    }

    /// Chooses the sheets among `names`, reads them with `table` (which adds the cells it
    /// cannot read to its issues), and the network from them.
    private func read(sheets names: [String], file: String, table: (Int, inout [ValidationIssue]) throws -> SheetTable) throws -> Network {
        let (edgesIndex, nodesIndex) = try choose(among: names, file: file)
        var issues: [ValidationIssue] = []
        let edges = try table(edgesIndex, &issues)
        let nodes = try nodesIndex.map { try table($0, &issues) }
        if !issues.isEmpty { throw NetworkValidationError(issues: issues) }
        return try read(edges: edges, nodes: nodes, file: file)
    }

    /// Reads the network from sheets already read.
    func read(edges: SheetTable, nodes: SheetTable?, file: String) throws -> Network {
        try CSVNetworkReader(directed: directed).read(edges: .sheet(edges), edgesFile: file, nodes: nodes.map(TableInput.sheet), nodesFile: nodes.map { _ in file })
    }

    /// The indices of the edges' sheet and the nodes' sheet among a workbook's sheet names.
    func choose(among names: [String], file: String) throws -> (edges: Int, nodes: Int?) {
        let listed = names.isEmpty ? "it has none" : "its sheets: " + names.map { "'\($0)'" }.joined(separator: ", ")
        func named(_ name: String) -> Int? {
            names.firstIndex(of: name) ?? names.firstIndex { $0.lowercased() == name.lowercased() }
        }
        let edges: Int
        if let name = sheets.edges {
            guard let i = named(name) else {
                throw FormatError("has no sheet '\(name)' to read the edges from (\(listed))", at: SourceLocation(file: file))
            }
            edges = i
        } else if let i = named("edges") {
            edges = i
        } else if names.count == 1 {
            edges = 0
        } else {
            throw FormatError("has no sheet named 'edges' (\(listed)); name the sheet that holds the edges", at: SourceLocation(file: file))
        }
        var nodes: Int?
        if let name = sheets.nodes {
            guard let i = named(name) else {
                throw FormatError("has no sheet '\(name)' to read the nodes from (\(listed))", at: SourceLocation(file: file))
            }
            guard i != edges else {
                throw FormatError("sheet '\(names[i])' cannot hold both the edges and the nodes", at: SourceLocation(file: file))
            }
            nodes = i
        } else if let i = named("nodes"), i != edges {
            nodes = i
        }
        return (edges, nodes)
    }
}
