/// A calendar date known to the year, the month or the day: `2010`, `2022-10`, `2022-10-27`.
///
/// A partial date covers an interval: `2022-10` runs from 2022-10-01 to 2022-10-31. `since`
/// uses the first day of that interval and `until` the last.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date; returns nil when the parts do not form a real calendar date.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day this date covers, as `yyyymmdd`.
    public var firstDay: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
    /// The last day this date covers, as `yyyymmdd`.
    public var lastDay: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    public var description: String {
        var s = String(format4(year))
        if let month { s += "-" + format2(month) }
        if let day { s += "-" + format2(day) }
        return s
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }
}

private func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
private func format4(_ v: Int) -> String { String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v) }
