import Foundation
import PartnerGraph
import PartnerGraphFormats
import GraphvizRendering

/// One fuzzing target per reader: each turns arbitrary bytes into a network or a located error,
/// and anything else — a trap, a hang, a crash in C — is a bug. `FuzzReader.run` is what the
/// fuzzer calls; README "Fuzzing" has the commands.
enum FuzzReader: String, CaseIterable {
    case yaml, json, csv, graphml, gexf, gml, nodeLink = "node-link", pajek, edgelist, dot, xlsx, ods

    /// The reader a fuzzing run exercises: `PARTNERGRAPH_FUZZ_READER` (default yaml).
    static let current: FuzzReader = {
        let name = ProcessInfo.processInfo.environment["PARTNERGRAPH_FUZZ_READER"] ?? "yaml"
        guard let reader = FuzzReader(rawValue: name) else {
            FileHandle.standardError.write(Data("PARTNERGRAPH_FUZZ_READER must be one of \(allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'\n".utf8))
            exit(2)
        }
        return reader
    }()

    /// Reads `data` as this reader's format; errors are the expected outcome for most inputs.
    func run(_ data: Data) {
        let file = "fuzz.\(rawValue)"
        do {
            // Workbooks are ZIP archives, read as bytes; their sheets by the default rules.
            switch self {
            case .xlsx: _ = try SpreadsheetNetworkReader().read(xlsx: data, file: file); return
            case .ods: _ = try SpreadsheetNetworkReader().read(ods: data, file: file); return
            default: break
            }
            let text = try NetworkFile.decodeText(data, file: file)
            switch self {
            case .yaml: _ = try NativeDecoder().decode(text, syntax: .yaml, file: file)
            case .json: _ = try NativeDecoder().decode(text, syntax: .json, file: file)
            case .csv:
                // The first line that is "--" splits the edge table from a node table.
                let parts = text.components(separatedBy: "\n--\n")
                _ = try CSVNetworkReader(directed: false).read(edgesText: parts[0], edgesFile: file,
                                                                nodesText: parts.count > 1 ? parts[1] : nil, nodesFile: parts.count > 1 ? "nodes.csv" : nil)
            case .graphml: _ = try GraphMLDecoder().read(text, file: file)
            case .gexf: _ = try GEXFDecoder().read(text, file: file)
            case .gml: _ = try GMLDecoder().read(text, file: file)
            case .nodeLink: _ = try NodeLinkDecoder().read(text, file: file)
            case .pajek: _ = try PajekDecoder().read(text, file: file)
            case .edgelist: _ = try EdgeListDecoder().read(text, file: file)
            case .dot: _ = try DOTDecoder().decode(text, file: file)
            case .xlsx, .ods: break
            }
        } catch let e as FormatError {
            check(e.location != nil, "an error without a location: \(e)")
        } catch let e as NetworkValidationError {
            check(e.issues.allSatisfy { $0.location != nil }, "a validation error without a location: \(e)")
        } catch is GraphvizError {
            // DOT errors carry Graphviz's own text.
        } catch {
            check(false, "an unexpected error type: \(error)")
        }
    }

    private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        FileHandle.standardError.write(Data("\(rawValue) reader: \(message())\n".utf8))
        abort()
    }
}

#if FUZZING
/// libFuzzer's driver (built with -sanitize=fuzzer -DFUZZING): SwiftPM gives an executable its
/// own `main`, so ours hands the command line to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// libFuzzer's callback; its runtime's own `main` names it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzReader.current.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

@main
struct Fuzz {
    static func main() {
        _ = FuzzReader.current
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Without the fuzzer: `PartnerGraphFuzz READER FILE…` replays inputs (a corpus, or a crash the
/// fuzzer saved) through one reader, so a finding can be checked in an ordinary build.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let reader = FuzzReader(rawValue: name) else {
            print("usage: PartnerGraphFuzz READER FILE…  (READER: \(FuzzReader.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                exit(1)
            }
            reader.run(data)
        }
        print("\(arguments.count - 1) inputs read by the \(name) reader without a crash")
    }
}
#endif
