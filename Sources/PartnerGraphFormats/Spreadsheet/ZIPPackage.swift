// A workbook's ZIP container (XLSX and OpenDocument are both ZIP archives of XML parts), read
// with ZIPFoundation.
//
// Not supported (by design):
// - Parts larger than `largestPart` unpacked, or unpacking to more than their headers declare
//   (ZIP bombs): refused before or while unpacking, with the part's name.
// - Encrypted (password-protected) workbooks, and ZIP archives split over several files.
//
// ZIPFoundation 0.9.20 on Linux inflates with a loop that ends only at the deflate stream's end
// or an error: a damaged stream that runs to the end of the archive makes it wait for input
// forever (fixed upstream after 0.9.20). Two guards keep that from happening here: the archive
// is read with `trailingBytes` zero bytes after it, so that input never runs out right after an
// entry's data; and the inflater is stopped when it has taken more chunks of input than the
// entry's compressed size holds, which a stream that ended where the archive says never does.
// Its in-memory archives crash when a damaged offset points past the end of the data (a
// negative range in MemoryFile.readData); its file-backed archives read nothing there, so the
// archive is read from a temporary copy (removed once opened), not from memory.
import Foundation
import PartnerGraph
import ZIPFoundation

/// The parts of a ZIP archive, read on request within limits; errors name the file and the part.
struct ZIPPackage {
    /// The largest part unpacked: 512 MiB (a sheet of a million rows of ten cells is about 300 MB).
    static let largestPart: UInt64 = 512 << 20

    /// The size of the chunks read and unpacked.
    static let chunkSize = 16 * 1024

    /// Zero bytes read after the archive's own (see the file's notes).
    static let trailingBytes = 3 * chunkSize

    let file: String
    private let archive: Archive
    /// The archive's file entries by path, and by lowercased path (OPC part names ignore case).
    private let entries: [String: Entry]
    private let entriesIgnoringCase: [String: Entry]

    /// Opens the archive in `data`; `what` names the kind of file in messages ("an XLSX
    /// workbook").
    /// - Throws: `FormatError` when the data is not a ZIP archive or its directory is damaged.
    init(data: Data, file: String, what: String) throws {
        self.file = file
        // Every ZIP archive starts with a local file header ("PK\3\4"), or is empty ("PK\5\6").
        guard data.count >= 4, data[data.startIndex] == 0x50, data[data.startIndex + 1] == 0x4B,
              (data[data.startIndex + 2], data[data.startIndex + 3]) == (3, 4) || (data[data.startIndex + 2], data[data.startIndex + 3]) == (5, 6) else {
            throw FormatError("is not \(what): \(what) is a ZIP archive, and this file is not one", at: SourceLocation(file: file))
        }
        var padded = data
        padded.append(Data(count: ZIPPackage.trailingBytes))
        let copy = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("partnergraph-\(UUID().uuidString).zip")
        guard FileManager.default.createFile(atPath: copy.path, contents: padded, attributes: [.posixPermissions: 0o600]) else {
            throw FormatError("cannot be read: no room for a temporary copy in \(NSTemporaryDirectory())", at: SourceLocation(file: file))
        }
        // The archive keeps its file open: the name can go at once.
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            archive = try Archive(url: copy, accessMode: .read)
        } catch {
            throw FormatError("is not a complete ZIP archive (the directory at its end is missing or damaged: a truncated or damaged file)", at: SourceLocation(file: file))
        }
        var byPath: [String: Entry] = [:], byLowercased: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let path = entry.path
            if byPath[path] == nil { byPath[path] = entry }
            if byLowercased[path.lowercased()] == nil { byLowercased[path.lowercased()] = entry }
        }
        entries = byPath
        entriesIgnoringCase = byLowercased
    }

    /// Whether the archive has a part at `path` (exactly, or ignoring case).
    func contains(_ path: String) -> Bool { entry(path) != nil }

    private func entry(_ path: String) -> Entry? { entries[path] ?? entriesIgnoringCase[path.lowercased()] }

    private func fail(_ path: String, _ message: String) -> FormatError {
        FormatError(message, at: SourceLocation(file: file, part: path))
    }

    /// The bytes of the part at `path`; nil when there is none.
    /// - Throws: `FormatError` naming the part when it declares more than `largestPart`,
    ///   unpacks to more than it declares, or its data is damaged.
    func data(_ path: String) throws -> Data? {
        guard let entry = entry(path) else { return nil }
        let declared = entry.uncompressedSize
        if declared > ZIPPackage.largestPart {
            throw fail(path, "would unpack to \(ZIPPackage.size(declared)), more than the \(ZIPPackage.size(ZIPPackage.largestPart)) a part may have here (a damaged file, or a ZIP bomb)")
        }
        enum Stop: Error { case larger, endless }
        var out = Data()
        // What the header declares, up to 64 MB: a header that lies costs no more than that.
        out.reserveCapacity(Int(min(declared, 64 << 20)))
        let chunk = ZIPPackage.chunkSize
        // The chunks of input the entry's compressed data fills, and one more of leeway.
        let inputChunks = (entry.compressedSize + UInt64(chunk) - 1) / UInt64(chunk) + 1
        var partialOutputs: UInt64 = 0
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: chunk, skipCRC32: false) { piece in
                if UInt64(out.count) + UInt64(piece.count) > declared { throw Stop.larger }
                out.append(piece)
                #if !canImport(Compression)
                // The inflater hands over a partial buffer once for every chunk of input it took.
                if entry.isCompressed && piece.count < chunk {
                    partialOutputs += 1
                    if partialOutputs > inputChunks { throw Stop.endless }
                }
                #endif
            }
        } catch Stop.larger {
            throw fail(path, "unpacks to more than the \(declared) bytes its header declares (a damaged file, or a ZIP bomb)")
        } catch Stop.endless {
            throw fail(path, "is damaged: its compressed data does not end where the archive says")
        } catch {
            throw fail(path, "is damaged: its compressed data cannot be unpacked")
        }
        guard UInt64(out.count) == declared, checksum == entry.checksum else {
            throw fail(path, "is damaged: \(UInt64(out.count) == declared ? "its checksum does not match its data" : "it unpacks to \(out.count) bytes, not the \(declared) its header declares")")
        }
        return out
    }

    /// The part at `path` as text (UTF-8, or UTF-16 with a byte-order mark); nil when there is none.
    func text(_ path: String) throws -> String? {
        guard let data = try data(path) else { return nil }
        do {
            return try NetworkFile.decodeText(data, file: file)
        } catch var e as FormatError {
            e.location?.part = path
            throw e
        }
    }

    static func size(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30)) : "\(bytes >> 20) MB"
    }
}
