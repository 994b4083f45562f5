import Foundation
import PartnerGraph

/// Reads and writes network files, choosing the format from the file name.
public enum NetworkFile {
    /// The formats this build reads and writes.
    public enum Format: String, Sendable, CaseIterable {
        case yaml, json, csv

        /// The format a file name's extension implies.
        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "yaml", "yml": self = .yaml
            case "json": self = .json
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    /// Reads a whole file as UTF-8 text (`-` reads standard input).
    public static func readText(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw FormatError("no such file", at: SourceLocation(file: path))
            }
            if isDir.boolValue { throw FormatError("is a folder, not a file", at: SourceLocation(file: path)) }
            guard let d = FileManager.default.contents(atPath: path) else {
                throw FormatError("cannot be read (permission denied?)", at: SourceLocation(file: path))
            }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError("is not valid UTF-8 text", at: SourceLocation(file: path))
        }
        return text
    }

    /// Loads a network.
    /// - Parameters:
    ///   - path: the file; its extension chooses the format unless `format` is given.
    ///   - nodesPath: for CSV, the node table.
    ///   - directed: for CSV, whether edges are directed.
    /// - Throws: `FormatError` or `NetworkValidationError`, each naming the file and line or row.
    public static func load(_ path: String, format: Format? = nil, nodesPath: String? = nil, directed: Bool = false) throws -> Network {
        guard let format = format ?? Format(path: path) else {
            throw FormatError("cannot tell the format from the file name; use .yaml, .yml, .json or .csv", at: SourceLocation(file: path))
        }
        if nodesPath != nil && format != .csv {
            throw FormatError("--nodes goes with a CSV edge table, not a \(format.rawValue) file", at: SourceLocation(file: path))
        }
        let text = try readText(path)
        switch format {
        case .yaml: return try NativeDecoder().decode(text, syntax: .yaml, file: path)
        case .json: return try NativeDecoder().decode(text, syntax: .json, file: path)
        case .csv:
            let nodesText = try nodesPath.map(readText)
            return try CSVNetworkReader(directed: directed).read(edgesText: text, edgesFile: path, nodesText: nodesText, nodesFile: nodesPath)
        }
    }

    /// Writes text to a file atomically: to a temporary file beside it, then renamed, so a
    /// failure never leaves a half-written file. `-` writes to standard output.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes bytes to a file atomically (temporary file beside it, then renamed); `-` writes
    /// to standard output.
    public static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw FormatError("the folder \(dir.path) does not exist", at: SourceLocation(file: path))
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: tmp)
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: tmp)
            } else {
                try FileManager.default.moveItem(at: tmp, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw FormatError("cannot write: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
    }
}
