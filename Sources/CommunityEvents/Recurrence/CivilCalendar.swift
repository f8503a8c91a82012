/// Integer proleptic-Gregorian calendar arithmetic used by the recurrence engine.
///
/// Day numbers count days since 1970-01-01 (day 0, a Thursday). The algorithms are
/// Howard Hinnant's `days_from_civil` / `civil_from_days`: a handful of integer operations,
/// no `Calendar` call, valid for every year the engine accepts (1...9999).
enum CivilCalendar {
    /// Seconds in a day.
    static let secondsPerDay = 86_400

    /// The day number of a civil date.
    @inline(__always)
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    @inline(__always)
    static func civil(fromDayNumber dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The weekday of a day number, 0 = Monday … 6 = Sunday.
    @inline(__always)
    static func weekday(ofDayNumber dayNumber: Int) -> Int {
        // 1970-01-01 is a Thursday (3).
        let r = (dayNumber + 3) % 7
        return r < 0 ? r + 7 : r
    }

    /// Whether `year` is a Gregorian leap year.
    @inline(__always)
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    @inline(__always)
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The number of days in a year.
    @inline(__always)
    static func daysInYear(_ year: Int) -> Int {
        isLeapYear(year) ? 366 : 365
    }

    /// The first day (day number) of week 1 of `year` for weeks starting on `weekStart`
    /// (0 = Monday): the week that holds January 4th, i.e. the first week with at least four
    /// days in the year (RFC 5545 BYWEEKNO, ISO 8601 when `weekStart` is Monday).
    @inline(__always)
    static func firstDayOfWeekOne(year: Int, weekStart: Int) -> Int {
        let jan4 = dayNumber(year: year, month: 1, day: 4)
        return jan4 - (weekday(ofDayNumber: jan4) - weekStart + 7) % 7
    }

    /// Floor division for possibly negative dividends.
    @inline(__always)
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Floor modulo (always in `0..<b` for positive `b`).
    @inline(__always)
    static func floorMod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return r < 0 ? r + b : r
    }
}
