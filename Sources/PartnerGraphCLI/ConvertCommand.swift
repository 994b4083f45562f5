import ArgumentParser
import PartnerGraph
import PartnerGraphFormats

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a network in another format.",
        discussion: """
        Formats: yaml and json (the native format; every field is kept). The output is written
        to a temporary file and renamed, so a failure never leaves half a file; -o - writes to
        standard output.
        Examples:
          partnergraph convert Graphs/nordic-innovation-procurement.yaml --to json -o nordic.json
          partnergraph convert edges.csv --nodes nodes.csv --to yaml -o -
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @OptionGroup var input: InputOptions
    @Option(help: "Output format: yaml or json (default: from the -o extension).") var to: Target?
    @Option(name: .shortAndLong, help: "Output file, or - for standard output.") var output: String

    func run() throws {
        try reportingErrors {
            let target: Target
            if let to { target = to } else {
                switch NetworkFile.Format(path: output) {
                case .yaml?: target = .yaml
                case .json?: target = .json
                default: throw UsageError("cannot tell the output format from '\(output)'; add --to yaml|json")
                }
            }
            let network = try input.load()
            let text = NativeEncoder(syntax: target == .yaml ? .yaml : .json).encode(network)
            do {
                try NetworkFile.write(text, to: output)
            } catch let e as FormatError {
                printError(e.description)
                throw ExitCode(ExitStatus.ioError)
            }
        }
    }
}
