import PartnerGraph

/// Dates in spreadsheets: which number formats show a date, to what precision, and the day a
/// serial number stands for.
///
/// An XLSX date is a number, the days since the workbook's epoch, shown through a date format.
/// The format's precision becomes the date's: `yyyy` reads as a year (`2010`), `mmm yyyy` or
/// `yyyy-mm` as a month (`2022-10`), anything with a day as a day. A time of day is dropped
/// (`PartialDate` holds no time); formats that show only a time (`h:mm`, built-in 18–21 and
/// 45–47) are not dates, and their cells read as numbers (fractions of a day).
enum SpreadsheetDates {
    enum Precision: Int, Comparable {
        case year, month, day
        static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// The precision of the built-in date formats: 14 `m/d/yyyy`, 15 `d-mmm-yy`, 16 `d-mmm`,
    /// 17 `mmm-yy`, 22 `m/d/yyyy h:mm`.
    static func builtIn(_ id: Int) -> Precision? {
        switch id {
        case 14, 15, 16, 22: return .day
        case 17: return .month
        default: return nil
        }
    }

    /// The precision of the date a format code shows, or nil when it shows no date. Only the
    /// first section (before `;`) counts; quoted text, `\`-escaped characters, `_x` and `*x`
    /// fillers, `AM/PM` and `[…]` (colours, locales, conditions) are skipped. `m` is a minute right
    /// after an hour or right before a second, a month otherwise.
    static func precision(ofFormat code: String) -> Precision? {
        enum Token { case year, month, day, hour, minuteOrMonth, second }
        var tokens: [Token] = []
        var chars = Array(code.lowercased())
        var i = 0
        var end = chars.count
        // The first section only.
        var quoted = false
        for k in 0..<chars.count {
            if chars[k] == "\"" { quoted.toggle() }
            if chars[k] == ";" && !quoted { end = k; break }
        }
        chars = Array(chars[0..<end])
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                i += 1
                while i < chars.count && chars[i] != "\"" { i += 1 }
            case "\\", "_", "*":
                i += 1
            case "[":
                // Elapsed time ([h], [mm], [ss]) is a time; anything else in brackets is skipped.
                var k = i + 1
                var inner = ""
                while k < chars.count && chars[k] != "]" { inner.append(chars[k]); k += 1 }
                if !inner.isEmpty && inner.allSatisfy({ "hms".contains($0) }) { tokens.append(.hour) }
                i = k
            case "a" where chars[i...].starts(with: Array("am/pm")):
                i += 4
            case "a" where chars[i...].starts(with: Array("a/p")):
                i += 2
            case "y": tokens.append(.year)
            case "d": tokens.append(.day)
            case "h": tokens.append(.hour)
            case "s": tokens.append(.second)
            case "m": tokens.append(.minuteOrMonth)
            default: break
            }
            // A run of the same letter is one token (yyyy, mmm, dd).
            if i < chars.count, "ydhsm".contains(c) {
                while i + 1 < chars.count && chars[i + 1] == c { i += 1 }
            }
            i += 1
        }
        var best: Precision?
        for (k, t) in tokens.enumerated() {
            let p: Precision?
            switch t {
            case .year: p = .year
            case .day: p = .day
            case .minuteOrMonth:
                let afterHour = k > 0 && tokens[k - 1] == .hour
                let beforeSecond = k + 1 < tokens.count && tokens[k + 1] == .second
                p = afterHour || beforeSecond ? nil : .month
            case .hour, .second, .month: p = nil
            }
            if let p { best = max(best ?? p, p) }
        }
        return best
    }

    /// The date of serial number `serial` in the 1900 date system (day 1 is 1900-01-01; day 60
    /// is 29 February 1900, which never was but Lotus 1-2-3 and Excel count) or the 1904 one
    /// (day 0 is 1904-01-01), cut to `precision`; nil outside 1900–9999, and for day 60.
    static func date(serial: Double, date1904: Bool, precision: Precision) -> PartialDate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let day = Int(serial.rounded(.down))
        let days: Int
        if date1904 {
            days = daysFromCivil(1904, 1, 1) + day
        } else {
            guard day >= 1, day != 60 else { return nil }
            days = daysFromCivil(1899, 12, 31) + (day < 60 ? day : day - 1)
        }
        let (y, m, d) = civil(fromDays: days)
        return PartialDate(year: y, month: precision >= .month ? m : nil, day: precision == .day ? d : nil)
    }

    /// An ISO 8601 date or date-time (`2022-10-27`, `2022-10-27T14:30:00`), cut to `precision`.
    static func date(iso text: String, precision: Precision) -> PartialDate? {
        let datePart = text.prefix { $0 != "T" && $0 != " " }
        guard let full = PartialDate(String(datePart)) else { return nil }
        return PartialDate(year: full.year, month: precision >= .month ? full.month : nil,
                           day: precision == .day ? full.day : nil)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day count since 1970-01-01 (the inverse of `daysFromCivil`).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
