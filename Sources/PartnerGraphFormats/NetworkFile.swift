import Foundation
import PartnerGraph

/// Reads and writes network files, choosing the format from the file name.
public enum NetworkFile {
    /// The formats this build reads and writes (`xlsx` and `ods` are read only: see `isWritable`).
    public enum Format: String, Sendable, CaseIterable {
        case yaml, json, csv, graphml, gexf, gml, nodeLink = "node-link", pajek, edgelist, xlsx, ods

        /// The format a file name's extension implies (`.json` is the native format; `load`
        /// recognises node-link JSON by its content).
        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "yaml", "yml": self = .yaml
            case "json": self = .json
            case "csv": self = .csv
            case "graphml": self = .graphml
            case "gexf": self = .gexf
            case "gml": self = .gml
            case "net", "pajek": self = .pajek
            case "edgelist", "edges": self = .edgelist
            case "xlsx": self = .xlsx
            case "ods": self = .ods
            default: return nil
            }
        }

        /// Whether networks can be written in the format: every format but the workbooks (XLSX,
        /// OpenDocument), which are read.
        public var isWritable: Bool { !isWorkbook }

        /// Whether the format is a workbook of sheets (XLSX, OpenDocument).
        public var isWorkbook: Bool { self == .xlsx || self == .ods }

        /// Why a network cannot be written as a workbook, and what to write instead.
        public static let workbookNotWritten = "workbooks (.xlsx, .ods) are read, not written; write CSV (a folder of edges.csv and nodes.csv), which spreadsheet programs open"
    }

    /// The format `load` reads `path` as when no format is given: a folder (holding edges.csv)
    /// is CSV, otherwise the extension's (nil when it names none).
    public static func format(of path: String) -> Format? {
        var isDir: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return .csv }
        return Format(path: path)
    }

    /// Reads a whole file as text (`-` reads standard input); see `decodeText`.
    public static func readText(_ path: String) throws -> String {
        try decodeText(try readData(path), file: path)
    }

    /// Reads an XML file as text: in the encoding its declaration names when that is
    /// ISO-8859-1 (Latin-1) or windows-1252, otherwise as `readText` does.
    public static func readXMLText(_ path: String) throws -> String {
        let data = try readData(path)
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml"), let end = head.range(of: "?>") {
            let declaration = head[..<end.lowerBound].lowercased()
            for (name, encoding) in [("iso-8859-1", String.Encoding.isoLatin1), ("latin1", .isoLatin1), ("latin-1", .isoLatin1), ("windows-1252", .windowsCP1252)]
            where declaration.contains("encoding=\"\(name)\"") || declaration.contains("encoding='\(name)'") {
                guard let text = String(data: data, encoding: encoding) else {
                    throw FormatError("is not valid \(name.uppercased()) text, as its XML declaration says", at: SourceLocation(file: path))
                }
                return text
            }
        }
        return try decodeText(data, file: path)
    }

    /// The largest input file read: 2 GiB (about 100 million edges of a plain CSV edge table).
    public static let largestFile: UInt64 = 2 << 30

    private static func gigabytes(_ bytes: UInt64) -> String {
        String(format: "%.1f GB", Double(bytes) / Double(1 << 30))
    }

    /// Reads a whole file's bytes (`-` reads standard input).
    public static func readData(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        // One stat tells what the path is: missing, a folder, a file (and its size), or a pipe
        // or device (`<(command)`, /dev/stdin), which is read to its end.
        var st = stat()
        guard stat(path, &st) == 0 else { throw FormatError("no such file", at: SourceLocation(file: path)) }
        let data: Data
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            throw FormatError("is a folder, not a file", at: SourceLocation(file: path))
        case S_IFREG:
            let size = UInt64(st.st_size)
            if size > largestFile {
                throw FormatError("is \(gigabytes(size)), larger than the \(gigabytes(largestFile)) a file may have here (its text is read into memory, and the network takes several times more); split it or keep fewer attributes",
                                  at: SourceLocation(file: path))
            }
            guard let d = FileManager.default.contents(atPath: path) else {
                throw FormatError(access(path, R_OK) != 0 ? "cannot be read: \(String(cString: strerror(errno)))" : "cannot be read", at: SourceLocation(file: path))
            }
            data = d
        default:
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw FormatError("cannot be read: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
            defer { try? handle.close() }
            data = handle.readDataToEndOfFile()
        }
        return data
    }

    /// Decodes a file's bytes: UTF-8, or UTF-16 with a byte-order mark (as spreadsheet programs
    /// save "Unicode text"), which becomes UTF-8 text; anything else is refused with the line and
    /// column of the first byte that is not UTF-8.
    public static func decodeText(_ data: Data, file: String) throws -> String {
        if data.count >= 2 && (data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])) {
            let bigEndian = data.first == 0xFE
            guard data.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian) else {
                throw FormatError("is not valid UTF-16 text (it starts with a UTF-16 byte-order mark)", at: SourceLocation(file: file))
            }
            return text
        }
        // UTF-16 without a byte-order mark: ASCII text with a NUL byte beside every character
        // (valid UTF-8, but nothing any format here means).
        let sample = data.prefix(512)
        if sample.count >= 4 && sample.filter({ $0 == 0 }).count * 3 >= sample.count {
            throw FormatError("looks like UTF-16 text without a byte-order mark; save it as UTF-8", at: SourceLocation(file: file))
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        let bytes = [UInt8](data)
        var line = 1, column = 1, i = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += scalar.count
            case .error, .emptyInput:
                break scan
            }
        }
        let shown = i < bytes.count ? String(format: " (byte 0x%02X)", bytes[i]) : ""
        throw FormatError("is not valid UTF-8 text\(shown); save it as UTF-8", at: SourceLocation(file: file, line: line, column: column))
    }

    /// Loads a network.
    /// - Parameters:
    ///   - path: the file; its extension chooses the format unless `format` is given. A folder
    ///     holding edges.csv (and nodes.csv) reads as CSV. A `.json` file whose top level has
    ///     "directed", "multigraph" or "links" reads as node-link JSON.
    ///   - nodesPath: for CSV, the node table.
    ///   - directed: for CSV, workbooks and edge lists, whether edges are directed.
    ///   - sheets: for a workbook (XLSX, OpenDocument), the sheets of the edges and the nodes
    ///     (see `SpreadsheetNetworkReader`).
    ///   - warn: told what a reader could not keep (e.g. yEd graphics, GEXF spells).
    /// - Throws: `FormatError` or `NetworkValidationError`, each naming the file and line or row
    ///   (a workbook's sheet and cell).
    public static func load(_ path: String, format: Format? = nil, nodesPath: String? = nil, directed: Bool = false,
                            sheets: SheetChoice = SheetChoice(), warn: (String) -> Void = { _ in }) throws -> Network {
        var isDir: ObjCBool = false
        if path != "-", format == nil || format == .csv, FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            let edges = (path as NSString).appendingPathComponent("edges.csv")
            let nodes = (path as NSString).appendingPathComponent("nodes.csv")
            guard FileManager.default.fileExists(atPath: edges) else {
                throw FormatError("is a folder without edges.csv (a CSV network is edges.csv and, optionally, nodes.csv)", at: SourceLocation(file: path))
            }
            return try load(edges, format: .csv, nodesPath: nodesPath ?? (FileManager.default.fileExists(atPath: nodes) ? nodes : nil), directed: directed, warn: warn)
        }
        guard var format = format ?? Format(path: path) else {
            throw FormatError("cannot tell the format from the file name; use .yaml, .yml, .json, .csv, .graphml, .gexf, .gml, .net, .edgelist, .xlsx or .ods, or name the format", at: SourceLocation(file: path))
        }
        if nodesPath != nil && format != .csv {
            throw FormatError("a node table goes with a CSV edge table, not a \(format.rawValue) file", at: SourceLocation(file: path))
        }
        if !sheets.isDefault && !format.isWorkbook {
            throw FormatError("sheets are chosen in a workbook (.xlsx, .ods), not in a \(format.rawValue) file", at: SourceLocation(file: path))
        }
        if format.isWorkbook {
            let reader = SpreadsheetNetworkReader(directed: directed, sheets: sheets)
            let data = try readData(path)
            return try format == .xlsx ? reader.read(xlsx: data, file: path) : reader.read(ods: data, file: path)
        }
        let text = try (format == .graphml || format == .gexf ? readXMLText(path) : readText(path))
        if format == .json && Format(path: path) == .json && looksLikeNodeLink(text) { format = .nodeLink }
        func reporting(_ d: DecodedNetwork) -> Network {
            d.warnings.forEach(warn)
            return d.network
        }
        switch format {
        case .yaml: return try NativeDecoder().decode(text, syntax: .yaml, file: path)
        case .json: return try NativeDecoder().decode(text, syntax: .json, file: path)
        case .csv:
            let nodesText = try nodesPath.map(readText)
            return try CSVNetworkReader(directed: directed).read(edgesText: text, edgesFile: path, nodesText: nodesText, nodesFile: nodesPath)
        case .graphml: return reporting(try GraphMLDecoder().read(text, file: path))
        case .gexf: return reporting(try GEXFDecoder().read(text, file: path))
        case .gml: return reporting(try GMLDecoder().read(text, file: path))
        case .nodeLink: return reporting(try NodeLinkDecoder().read(text, file: path))
        case .pajek: return reporting(try PajekDecoder().read(text, file: path))
        case .edgelist: return reporting(try EdgeListDecoder(directed: directed ? true : nil).read(text, file: path))
        case .xlsx, .ods: preconditionFailure("workbooks are read above")
        }
    }

    /// Whether JSON text is node-link JSON rather than the native format: its top level has
    /// "directed", "multigraph" or "links", which the native format never has.
    static func looksLikeNodeLink(_ text: String) -> Bool {
        guard let root = try? JSONDocumentReader.read(text, file: ""), case .mapping(let pairs) = root.value else { return false }
        return pairs.contains { ["directed", "multigraph", "links"].contains($0.key.scalarText ?? "") }
    }

    /// Encodes a network in a one-file format (every format but CSV, which is two tables: see
    /// `save`), with what the format could not hold.
    public static func encode(_ network: Network, as format: Format) throws -> EncodedNetwork {
        switch format {
        case .yaml: return EncodedNetwork(text: NativeEncoder(syntax: .yaml).encode(network))
        case .json: return EncodedNetwork(text: NativeEncoder(syntax: .json).encode(network))
        case .graphml: return try GraphMLEncoder().encode(network)
        case .gexf: return try GEXFEncoder().encode(network)
        case .gml: return try GMLEncoder().encode(network)
        case .nodeLink: return try NodeLinkEncoder().encode(network)
        case .pajek: return try PajekEncoder().encode(network)
        case .edgelist: return try EdgeListEncoder().encode(network)
        case .csv: throw FormatError("CSV is two tables (nodes and edges); use NetworkFile.save")
        case .xlsx, .ods: throw FormatError(Format.workbookNotWritten)
        }
    }

    /// Writes a network, each file atomically, and returns what the format could not hold.
    /// - Parameters:
    ///   - path: the file (`-`: standard output); for CSV, a folder (existing, or written with a
    ///     trailing "/") that gets nodes.csv and edges.csv, or the edge table's file.
    ///   - format: the format; by default from `path`'s extension (a folder means CSV).
    ///   - nodesPath: for CSV written to a file, the node table's file.
    public static func save(_ network: Network, to path: String, format: Format? = nil, nodesPath: String? = nil) throws -> [String] {
        var isDir: ObjCBool = false
        let folder = path != "-" && (path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue))
        guard let format = format ?? (folder ? .csv : Format(path: path)) else {
            throw FormatError("cannot tell the output format from the file name; use .yaml, .json, .csv, .graphml, .gexf, .gml, .net or .edgelist, or name the format", at: SourceLocation(file: path))
        }
        guard format == .csv else {
            let encoded = try encode(network, as: format)
            try write(encoded.text, to: path)
            return encoded.warnings
        }
        let csv = try CSVNetworkWriter().encode(network)
        let edgesPath: String, nodesOut: String
        if folder {
            if !FileManager.default.fileExists(atPath: path) {
                do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                    throw FormatError("cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: path))
                }
            }
            edgesPath = (path as NSString).appendingPathComponent("edges.csv")
            nodesOut = (path as NSString).appendingPathComponent("nodes.csv")
        } else {
            guard let nodesPath, path != "-", nodesPath != "-" else {
                throw FormatError("CSV is two tables: write to a folder (-o DIR/) or name the node table's file too", at: SourceLocation(file: path))
            }
            edgesPath = path
            nodesOut = nodesPath
        }
        // Both tables as one change: never new nodes with old edges.
        try OutputFile.write([(Data(csv.nodes.utf8), nodesOut), (Data(csv.edges.utf8), edgesPath)])
        return csv.warnings
    }

    /// Writes the files of an export (Neo4j, GraphFrames) into a folder, created when missing,
    /// all as one change (see `OutputFile`): never some tables new and others old.
    public static func save(_ exported: ExportedFiles, toFolder path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw FormatError("is a file; these tables are written to a folder (-o DIR/)", at: SourceLocation(file: path)) }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                throw FormatError("cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: path))
            }
        }
        try OutputFile.write(exported.files.map { (Data($0.text.utf8), (path as NSString).appendingPathComponent($0.name)) })
    }

    /// Writes text to a file atomically (see `OutputFile`); `-` writes to standard output.
    public static func write(_ text: String, to path: String) throws {
        try OutputFile.write(Data(text.utf8), to: path)
    }

    /// Writes bytes to a file atomically (see `OutputFile`); `-` writes to standard output.
    public static func write(_ data: Data, to path: String) throws {
        try OutputFile.write(data, to: path)
    }
}
