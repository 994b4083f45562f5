/// The style sheet and scripts the report inlines: `report.css`, `report-core.js` and
/// `report.js` beside this file, embedded in the executable at build time (SwiftPM's
/// `embedInCode`), so the page needs no file or network at run time.
enum ReportAssets {
    /// The part of the report's script that needs no page: the name lookup, the path search and
    /// the words of its answers, the ties and actors of each time slice, and node sizes, as a
    /// function of the page's data (`ReportHTML.data()`). The page runs it first, in the same
    /// script element as `script`, which reads it from the global `PartnerGraphReportCore`;
    /// Node loads the same file as a CommonJS module, and `Tests/ReportScript/` checks its
    /// paths and their explanations against NetworkX's fixtures, and its time slices against
    /// the timeline's, with `node --test`.
    ///
    /// It mirrors the command line: the search is `PathFinder.shortestPath` (Dijkstra with
    /// predecessor lists, then the path whose node sequence comes first in network order;
    /// parallel edges: the shortest, then the first in the file), the words are
    /// `PathExplanation`'s and the name lookup is `Network.lookupNode`'s. The browser tests
    /// compare the page's text with `partnergraph path`.
    ///
    /// It must not contain `</script` or `]]>`; a test checks.
    static let core = text(PackageResources.report_core_js)

    /// The report's script: pan and zoom, node cards, search, the sortable table, the
    /// cooperation-path box, the time slider and the links into the page (`#node=`,
    /// `#search=`, `#from=&to=`, `#time=`), on top of `core`. Plain JavaScript, no framework,
    /// no network. It exposes `window.PartnerGraphReport` (`lookup`, `findPath`, `pathText`),
    /// the page's read-only scripting interface: the browser tests inject their hooks into a
    /// copy of the page and reach the script through it (or, for the slider, move it as a
    /// person does), so that no test code ships.
    ///
    /// It must not contain `</script` or `]]>`; a test checks.
    static let script = text(PackageResources.report_js)

    /// The report's style sheet. It must not contain `<`, `&` or `]]>` (it sits in a CDATA
    /// section of a page that is also well-formed XML); a test checks.
    static let css = text(PackageResources.report_css)

    /// A resource's text without the file's final line break.
    private static func text(_ bytes: [UInt8]) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return s.hasSuffix("\n") ? String(s.dropLast()) : s
    }
}
