/// Time slices of a network: the calendar periods a timeline looks at one after another, and
/// the part of the network active in each.
///
/// Days are `yyyymmdd` integers, as `PartialDate.firstDay`/`lastDay` give them. A tie is in a
/// slice when its `since`…`until` meets the slice (as `View`'s time window: ties without dates
/// are in every slice). A node is active in a slice when one of its ties is, or when its own
/// `since`/`until` meet the slice.
public struct TimeSlice: Hashable, Sendable, CustomStringConvertible {
    /// The slice's name: `2018`, `2018-Q2`, `2018-04`, `2018-04-30`, or for a window of
    /// several periods its first and last (`2016–2018`).
    public var label: String
    /// First day, `yyyymmdd`.
    public var firstDay: Int
    /// Last day, `yyyymmdd`.
    public var lastDay: Int

    public init(label: String, firstDay: Int, lastDay: Int) {
        self.label = label
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    public var description: String { label }

    /// The first day as an ISO date (`2018-04-01`).
    public var firstDate: String { TimeSlice.iso(firstDay) }
    /// The last day as an ISO date.
    public var lastDate: String { TimeSlice.iso(lastDay) }

    static func iso(_ day: Int) -> String {
        PartialDate(year: day / 10_000, month: day / 100 % 100, day: day % 100)?.description ?? String(day)
    }
}

/// The calendar period of a slice.
public enum TimeStep: String, Sendable, CaseIterable {
    case year, quarter, month, day

    /// The period that contains `day` (`yyyymmdd`).
    func period(containing day: Int) -> TimeSlice {
        let y = day / 10_000, m = day / 100 % 100, d = day % 100
        func four(_ v: Int) -> String { String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v) }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch self {
        case .year:
            return TimeSlice(label: four(y), firstDay: y * 10_000 + 101, lastDay: y * 10_000 + 1231)
        case .quarter:
            let q = (m - 1) / 3, first = q * 3 + 1, last = first + 2
            return TimeSlice(label: "\(four(y))-Q\(q + 1)", firstDay: y * 10_000 + first * 100 + 1,
                             lastDay: y * 10_000 + last * 100 + PartialDate.daysIn(month: last, year: y))
        case .month:
            return TimeSlice(label: "\(four(y))-\(two(m))", firstDay: y * 10_000 + m * 100 + 1,
                             lastDay: y * 10_000 + m * 100 + PartialDate.daysIn(month: m, year: y))
        case .day:
            return TimeSlice(label: "\(four(y))-\(two(m))-\(two(d))", firstDay: day, lastDay: day)
        }
    }
}

extension TimeStep {
    /// The next longer period: day → month → quarter → year; nil for a year.
    public var coarser: TimeStep? {
        switch self {
        case .day: return .month
        case .month: return .quarter
        case .quarter: return .year
        case .year: return nil
        }
    }

    /// The unit a date is written to: `2018` a year, `2022-10` a month, `2022-10-27` a day.
    public init(precisionOf date: PartialDate) {
        self = date.day != nil ? .day : date.month != nil ? .month : .year
    }
}

/// Why slices cannot be made.
public struct TimelineError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public enum Timeline {
    /// The most slices a timeline makes (each is a network to analyse).
    public static let sliceLimit = 10_000

    /// The day after `day` (`yyyymmdd`); nil after 9999-12-31.
    static func nextDay(_ day: Int) -> Int? {
        let y = day / 10_000, m = day / 100 % 100, d = day % 100
        if d < PartialDate.daysIn(month: m, year: y) { return day + 1 }
        if m < 12 { return y * 10_000 + (m + 1) * 100 + 1 }
        return y < 9999 ? (y + 1) * 10_000 + 101 : nil
    }

    /// The periods of `step` from the one containing `firstDay` to the one containing
    /// `lastDay`, each whole (a year slice runs from 1 January to 31 December even when the
    /// range starts in March).
    /// - Throws: `TimelineError` when the range is empty or gives more than `sliceLimit` slices.
    public static func periods(every step: TimeStep, fromDay firstDay: Int, untilDay lastDay: Int) throws -> [TimeSlice] {
        guard firstDay <= lastDay else {
            throw TimelineError("the range is empty: \(TimeSlice.iso(firstDay)) is after \(TimeSlice.iso(lastDay))")
        }
        var out: [TimeSlice] = []
        var slice = step.period(containing: firstDay)
        while true {
            out.append(slice)
            if slice.lastDay >= lastDay { break }
            guard out.count < sliceLimit else {
                throw TimelineError("\(TimeSlice.iso(firstDay)) to \(TimeSlice.iso(lastDay)) by \(step.rawValue) makes more than \(sliceLimit) slices; choose a longer period or a shorter range")
            }
            guard let next = nextDay(slice.lastDay) else { break }
            slice = step.period(containing: next)
        }
        return out
    }

    /// How many periods of `step` `periods(every:fromDay:untilDay:)` makes from the one
    /// containing `firstDay` to the one containing `lastDay` (at least 1), counted without
    /// making them.
    public static func periodCount(every step: TimeStep, fromDay firstDay: Int, untilDay lastDay: Int) -> Int {
        let a = (y: firstDay / 10_000, m: firstDay / 100 % 100), b = (y: lastDay / 10_000, m: lastDay / 100 % 100)
        let count: Int
        switch step {
        case .year: count = b.y - a.y + 1
        case .quarter: count = (b.y * 4 + (b.m - 1) / 3) - (a.y * 4 + (a.m - 1) / 3) + 1
        case .month: count = (b.y * 12 + b.m) - (a.y * 12 + a.m) + 1
        case .day: count = dayNumber(lastDay) - dayNumber(firstDay) + 1
        }
        return max(1, count)
    }

    /// Days since 1 March of year 0 in the proleptic Gregorian calendar (`yyyymmdd` in), for
    /// counting days between two dates.
    static func dayNumber(_ day: Int) -> Int {
        var y = day / 10_000
        let m = day / 100 % 100, d = day % 100
        if m <= 2 { y -= 1 }
        let era = y / 400, yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    }

    /// The period to slice `firstDay…lastDay` by when no one chose it: `finest`, the unit the
    /// network's dates are written to (so that a tie dated `2022-10` gets a slice of its own,
    /// and dates known only to the year are not cut into months that cannot differ), made
    /// longer — day, month, quarter, year — while it would make more than `limit` slices.
    /// A year is the longest, however many years the range spans.
    public static func step(finest: TimeStep, fromDay firstDay: Int, untilDay lastDay: Int, limit: Int) -> TimeStep {
        var step = finest
        while periodCount(every: step, fromDay: firstDay, untilDay: lastDay) > limit, let longer = step.coarser { step = longer }
        return step
    }

    /// One slice per date, each covering the date (`2018` the year, `2022-10` the month).
    /// - Throws: `TimelineError` when the dates are not in increasing order or overlap.
    public static func slices(at dates: [PartialDate]) throws -> [TimeSlice] {
        guard dates.count <= sliceLimit else { throw TimelineError("more than \(sliceLimit) dates") }
        var out: [TimeSlice] = []
        for d in dates {
            if let last = out.last, d.firstDay <= last.lastDay {
                throw TimelineError("the dates must be in increasing order without overlapping: \(d) does not come after \(last.label)")
            }
            out.append(TimeSlice(label: d.description, firstDay: d.firstDay, lastDay: d.lastDay))
        }
        return out
    }

    /// Sliding windows: slice `i` covers periods `i − size + 1 … i` (fewer at the start, so
    /// there is one window per period), named by its first and last period.
    public static func windows(_ periods: [TimeSlice], size: Int) -> [TimeSlice] {
        guard size > 1 else { return periods }
        return periods.indices.map { i in
            let first = periods[max(0, i - size + 1)], last = periods[i]
            return TimeSlice(label: first == last ? last.label : "\(first.label)–\(last.label)", firstDay: first.firstDay, lastDay: last.lastDay)
        }
    }

    /// Cumulative slices: slice `i` runs from the start of the first period to the end of
    /// period `i` (every tie that began by then, including those that had ended), named "to"
    /// its last period.
    public static func cumulative(_ periods: [TimeSlice]) -> [TimeSlice] {
        guard let start = periods.first?.firstDay else { return [] }
        return periods.map { TimeSlice(label: "…" + $0.label, firstDay: start, lastDay: $0.lastDay) }
    }
}

/// The part of a viewed network active in one time slice.
public struct SlicedNetwork: Sendable {
    public var slice: TimeSlice
    /// The active nodes and the ties in the slice, positions as in any viewed network.
    public var viewed: ViewedNetwork
    /// Indices in `Network.edges` of the ties in the slice (each once, in file order).
    public var edgeIndices: [Int]
}

extension Network {
    /// The days the network's dates span: the earliest `since` (or `until`, when a tie or node
    /// has only that) to the latest `until` (or `since`), over nodes and the edges `view` keeps
    /// by relation; nil when nothing is dated.
    public func dateSpan(relations: Set<String>? = nil) -> (firstDay: Int, lastDay: Int)? {
        var first = Int.max, last = Int.min
        func note(_ since: PartialDate?, _ until: PartialDate?) {
            for d in [since, until].compactMap({ $0 }) {
                first = min(first, d.firstDay)
                last = max(last, d.lastDay)
            }
        }
        for n in nodes { note(n.since, n.until) }
        for e in edges.indices {
            if let relations, !relations.contains(edges[e].relation.id) { continue }
            note(edges[e].since, edges[e].until)
        }
        return first <= last ? (first, last) : nil
    }

    /// The shortest unit any of the network's dates is written to (`TimeStep(precisionOf:)`),
    /// over nodes and the edges of `relations` as `dateSpan` reads them; nil when nothing is
    /// dated.
    public func finestDatePrecision(relations: Set<String>? = nil) -> TimeStep? {
        var finest: TimeStep?
        func note(_ date: PartialDate?) {
            guard let date else { return }
            let p = TimeStep(precisionOf: date)
            if finest == nil || TimeStep.allCases.firstIndex(of: p)! > TimeStep.allCases.firstIndex(of: finest!)! { finest = p }
        }
        for n in nodes {
            note(n.since)
            note(n.until)
        }
        for e in edges where relations.map({ $0.contains(e.relation.id) }) ?? true {
            note(e.since)
            note(e.until)
        }
        return finest
    }

    /// The network active in `slice` through `view` (whose own time window, if any, is
    /// replaced by the slice): the ties valid at some time in the slice, and the nodes with
    /// such a tie or whose own dates meet the slice.
    /// - Throws: `ViewError` when the view does not fit the network.
    /// - Complexity: O(V + E).
    public func sliced(_ slice: TimeSlice, through view: View) throws -> SlicedNetwork {
        var v = view
        v.fromDay = slice.firstDay
        v.untilDay = slice.lastDay
        let all = try viewed(through: v)
        var active = [Bool](repeating: false, count: all.nodeIDs.count)
        for a in all.arcs {
            active[a.source] = true
            active[a.target] = true
        }
        for (p, i) in all.networkIndices.enumerated() where !active[p] {
            active[p] = nodes[i].datesMeet(fromDay: slice.firstDay, toDay: slice.lastDay)
        }
        var position = [Int](repeating: -1, count: active.count)
        var ids: [NodeID] = [], indices: [Int] = []
        for p in active.indices where active[p] {
            position[p] = ids.count
            ids.append(all.nodeIDs[p])
            indices.append(all.networkIndices[p])
        }
        var edgeIndices: [Int] = []
        let arcs = all.arcs.map { a -> ViewedNetwork.Arc in
            if edgeIndices.last != a.edgeIndex { edgeIndices.append(a.edgeIndex) }
            return .init(source: position[a.source], target: position[a.target], weight: a.weight, edgeIndex: a.edgeIndex)
        }
        return SlicedNetwork(slice: slice, viewed: ViewedNetwork(nodeIDs: ids, networkIndices: indices, isDirected: all.isDirected, arcs: arcs),
                             edgeIndices: edgeIndices)
    }
}

/// What changed from one slice to the next: ties that appeared and ended, nodes that joined
/// and left (indices in `Network.edges` and `Network.nodes`, in file order).
public struct SliceChanges: Sendable, Equatable {
    public var tiesAppeared: [Int]
    public var tiesEnded: [Int]
    public var nodesJoined: [Int]
    public var nodesLeft: [Int]

    /// The set differences of two consecutive slices.
    public init(from before: SlicedNetwork, to after: SlicedNetwork) {
        let tiesBefore = Set(before.edgeIndices), tiesAfter = Set(after.edgeIndices)
        let nodesBefore = Set(before.viewed.networkIndices), nodesAfter = Set(after.viewed.networkIndices)
        tiesAppeared = after.edgeIndices.filter { !tiesBefore.contains($0) }
        tiesEnded = before.edgeIndices.filter { !tiesAfter.contains($0) }
        nodesJoined = after.viewed.networkIndices.filter { !nodesBefore.contains($0) }
        nodesLeft = before.viewed.networkIndices.filter { !nodesAfter.contains($0) }
    }

    public var isEmpty: Bool { tiesAppeared.isEmpty && tiesEnded.isEmpty && nodesJoined.isEmpty && nodesLeft.isEmpty }
}
