import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page about a network: diagram, node cards, top actors, paths.",
        discussion: """
        The page needs nothing else to open (no network access, no CDN): the diagram is drawn
        by Graphviz (libgvc, in this process) as inline SVG with pan and zoom; clicking or
        searching a node opens its card (kind, country, attributes, every tie in and out with
        its sources, centrality values and ranks); a table lists the top actors by degree,
        betweenness, PageRank and Burt's constraint (and Gould–Fernandez brokerage roles with
        --group-by), sortable by any column; a "How do we reach …?" box explains the shortest
        cooperation path between two nodes in the words of `path` and highlights it. The view
        options apply to everything, and the page states the view it shows.

        Communities are Leiden's with seed 0 (as `partnergraph communities`), listed with
        their members. Nodes cluster by country when they have countries (--cluster-by
        changes the field), are sized by --size-by (default betweenness) and shaped and
        coloured by kind. The default layout is dot up to 150 actors; beyond, sfdp with
        straight edges (dot's time grows to minutes at a few hundred actors), which draws no
        cluster boxes: the cluster field colours the nodes instead.

        When ties or actors have dates (since/until), a "Time" section has a slider with a
        position per year, quarter, month or day (--every, as `timeline --every`; default:
        the unit the dates are written to, longer while that would make more than
        \(Report.Time.stepLimit) steps) and a last one for all dates. At a date the diagram
        dashes and fades the ties not valid then and fades the actors not active, and draws
        each active actor larger or smaller by --size-by at that date; beside it the figures
        and the changes since the step before, as `timeline` gives them, and the timeline
        chart, marked at the date. With --at there is no slider (the view is one date).

        Links into the page: report.html#node=ID opens a card, #search=TEXT searches,
        #from=A&to=B explains a path, #time=SLICE (2018, 2022-10, or all) moves the slider.
        Examples:
          partnergraph report Graphs/nordic-innovation-procurement.yaml -o nordic.html
          partnergraph report Graphs/nordic-innovation-procurement.yaml --group-by country --title "Nordic procurement" -o nordic.html
          partnergraph report Graphs/karate-club.yaml --weight weight --size-by pagerank -o karate.html
          partnergraph report Graphs/nordic-innovation-procurement.yaml --at 2018 --kinds organisation,programme -o 2018.html
          partnergraph report Graphs/coleman-high-school.yaml --every year -o coleman.html
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var view: ViewOptions
    @OptionGroup var traversal: TraversalOptions
    @Option(name: .shortAndLong, help: "The HTML file to write (- for standard output).") var output: String
    @Option(name: [.customLong("group-by"), .customLong("by")], help: "The node field (country, kind) or attribute that names each node's group (--by is the same option): adds Gould–Fernandez brokerage roles to the table.")
    var groupBy: String?
    @Option(help: "Size nodes by this measure (any node measure of `centrality --measure`, not edge-betweenness).") var sizeBy: String = "betweenness"
    @Option(help: "The page's title (default: the network's name, else the file's).") var title: String?
    @Option(help: "One labelled cluster per value of this field or attribute (default: country, when nodes have one; 'none' for no clusters).")
    var clusterBy: String?
    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: dot up to 150 actors, sfdp beyond).")
    var layout: RenderCommand.LayoutChoice?
    @Option(parsing: .unconditional, help: "The N actors with the highest values shown in the actors table before 'Show all' (the others are one click away).") var top: Int = 20
    @Option(help: "The time slider's step: year, quarter, month or day, as `timeline --every` (default: the unit the dates are written to, longer while that makes more than \(Report.Time.stepLimit) steps).")
    var every: TimeStep?

    func run() throws {
        try reportingErrors {
            try Checks.atLeast(top, 1, "--top")
            _ = try traversal.view(view)
            let analysis = try AnalysisInput(input: input, view: view)
            traversal.warnIfNothingToFollow(viewIsDirected: analysis.viewed.isDirected)
            var options = ReportOptions()
            options.title = title
            options.fileName = input.file == "-" ? nil : (input.file as NSString).lastPathComponent
            options.groupBy = groupBy
            options.sizeBy = sizeBy
            options.clusterBy = clusterBy
            options.layout = layout.flatMap { LayoutEngine(rawValue: $0.rawValue) }
            options.top = top
            options.every = every
            options.viewDescription = ReportView(options: view, followDirection: traversal.followDirection)
            let report = try Report(analysis, options: options)
            let html = try ReportHTML(report).render()
            try writeBytes(Array(html.utf8), to: output)
        }
    }
}

/// What the report shows, as chosen on the command line.
struct ReportOptions {
    var title: String?
    /// The input's file name: the title when the network has no name.
    var fileName: String?
    var groupBy: String?
    var sizeBy = "betweenness"
    var clusterBy: String?
    var layout: LayoutEngine?
    var top = 20
    /// The time slider's step (nil: `Timeline.step`'s rule).
    var every: TimeStep?
    var viewDescription = ReportView()
}

/// The view options in words, for the page.
struct ReportView {
    var relations: [String]?
    var kinds: [String]?
    var at: String?
    var from: String?
    var until: String?
    /// Whether every tie is read as symmetric (--undirected).
    var undirected = false
    /// Whether cooperation paths follow edge direction (--follow-direction, as `path`).
    var followDirection = false
    var weight: String?
    var weightIsDistance = false
    /// The options as typed (`--relations a,b --at 2018`), for messages.
    var active = ""

    init() {}

    init(options: ViewOptions, followDirection: Bool) {
        func list(_ s: String?) -> [String]? {
            s.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        relations = list(options.relations)
        kinds = list(options.kinds)
        at = options.at
        from = options.from
        until = options.until
        undirected = options.undirected
        self.followDirection = followDirection
        weight = options.weight
        weightIsDistance = options.weightAs == .distance
        active = options.describeActive()
    }
}
