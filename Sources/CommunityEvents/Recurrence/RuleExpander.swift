/// Generates a rule's candidate wall-clock times, ascending, as seconds since 1970-01-01 in
/// local time, period by period (a year, month, week, day, hour, minute or second of the
/// rule's frequency, stepping by its interval).
///
/// All calendar arithmetic is integer (day numbers, bit masks); each period's set is built in
/// a reused buffer, `BYSETPOS` is applied to it, and the candidates before DTSTART are dropped.
/// COUNT and UNTIL are the caller's business. The expansion ends after year 9999, or after a
/// run of empty periods long enough to prove the rule can never match again (the Gregorian
/// calendar repeats every 400 years), so a rule like `BYMONTH=2;BYMONTHDAY=30` ends instead of
/// looping forever.
struct RuleExpander {
    private let frequency: RecurrenceFrequency
    private let interval: Int
    private let weekStart: Int
    private let startLocal: Int
    private let monthMask: UInt64
    private let weekdayMask: UInt64
    private let nthWeekdays: [(weekday: Int, ordinal: Int)]
    private let hasByDay: Bool
    private let monthDayPositive: UInt64
    private let monthDayNegative: UInt64
    private let hasMonthDay: Bool
    private let yearDayPositive: BitSet384
    private let yearDayNegative: BitSet384
    private let hasYearDay: Bool
    private let weekNoPositive: UInt64
    private let weekNoNegative: UInt64
    private let hasWeekNo: Bool
    /// Daily and coarser: the sorted seconds of the day of each candidate.
    private let timesOfDay: [Int]
    /// Sub-daily filters (all bits set when the part is absent).
    private let hourMask: UInt64
    private let minuteMask: UInt64
    private let secondMask: UInt64
    /// HOURLY: sorted `minute * 60 + second` offsets; MINUTELY: sorted seconds.
    private let subPeriodOffsets: [Int]
    private let setPositions: [Int]
    private let maxEmptyPeriods: Int

    private var period: Int
    private var buffer: [Int] = []
    private var index = 0
    private var emptyPeriods = 0
    private var finished = false
    private var nthDays: [Int] = []
    private var weekNumberYear = Int.min
    private var weekOneStarts = (0, 0, 0, 0)
    private var cachedDay = Int.min
    private var cachedDayMatches = false

    private static let cumulativeDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    private static let maxYear = 9999
    private static let maxDayNumber = CivilCalendar.dayNumber(year: 9999, month: 12, day: 31)

    /// Only weekdays filter the days (no month, month-day or year-day part).
    private let weekdaysOnly: Bool
    /// For each weekday, how many days ahead the next day whose weekday is in `weekdayMask` is
    /// (1...7); unused when the mask is empty.
    private let nextWeekdayStep: [Int]
    private var yearDays: [Int] = []
    private var nthInRange: [Int] = []

    init(rule: RecurrenceRule, start: LocalDateTime) {
        frequency = rule.frequency
        interval = rule.interval
        weekStart = (rule.weekStart ?? .monday).rawValue
        startLocal = start.localSeconds
        setPositions = rule.bySetPos

        var byMonth = rule.byMonth
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        if rule.byWeekNo.isEmpty, rule.byYearDay.isEmpty, rule.byMonthDay.isEmpty, rule.byDay.isEmpty {
            // RFC 5545: parts missing from the rule take their values from DTSTART.
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.month] }
                byMonthDay = [start.day]
            case .monthly:
                byMonthDay = [start.day]
            case .weekly:
                byDay = [WeekdayOccurrence(start.weekday)]
            default:
                break
            }
        }
        monthMask = byMonth.reduce(0) { $0 | (1 << UInt64($1)) }
        weekdayMask = byDay.filter { $0.ordinal == nil }.reduce(0) { $0 | (1 << UInt64($1.weekday.rawValue)) }
        nthWeekdays = byDay.compactMap { entry in entry.ordinal.map { (entry.weekday.rawValue, $0) } }
        hasByDay = !byDay.isEmpty
        monthDayPositive = byMonthDay.filter { $0 > 0 }.reduce(0) { $0 | (1 << UInt64($1)) }
        monthDayNegative = byMonthDay.filter { $0 < 0 }.reduce(0) { $0 | (1 << UInt64(-$1)) }
        hasMonthDay = !byMonthDay.isEmpty
        yearDayPositive = BitSet384(rule.byYearDay.filter { $0 > 0 })
        yearDayNegative = BitSet384(rule.byYearDay.filter { $0 < 0 }.map { -$0 })
        hasYearDay = !rule.byYearDay.isEmpty
        weekNoPositive = rule.byWeekNo.filter { $0 > 0 }.reduce(0) { $0 | (1 << UInt64($1)) }
        weekNoNegative = rule.byWeekNo.filter { $0 < 0 }.reduce(0) { $0 | (1 << UInt64(-$1)) }
        hasWeekNo = !rule.byWeekNo.isEmpty
        weekdaysOnly = monthMask == 0 && !hasMonthDay && !hasYearDay && !hasWeekNo
        let weekdays = weekdayMask
        nextWeekdayStep = (0..<7).map { weekday in
            (1...7).first { step in weekdays & (1 << UInt64((weekday + step) % 7)) != 0 } ?? 7
        }

        func mask(_ values: [Int]) -> UInt64 { values.reduce(0) { $0 | (1 << UInt64($1)) } }
        let seconds = rule.bySecond.filter { $0 < 60 }  // second 60 (leap) never occurs
        let hours = rule.byHour.isEmpty ? [start.hour] : rule.byHour
        let minutes = rule.byMinute.isEmpty ? [start.minute] : rule.byMinute
        let secondList = rule.bySecond.isEmpty ? [start.second] : seconds
        hourMask = rule.byHour.isEmpty ? mask(Array(0..<24)) : mask(rule.byHour)
        minuteMask = rule.byMinute.isEmpty ? mask(Array(0..<60)) : mask(rule.byMinute)
        secondMask = rule.bySecond.isEmpty ? mask(Array(0..<60)) : mask(seconds)

        var times: [Int] = []
        var offsets: [Int] = []
        switch rule.frequency {
        case .secondly:
            break
        case .minutely:
            offsets = secondList
        case .hourly:
            for m in minutes { for s in secondList { offsets.append(m * 60 + s) } }
        default:
            for h in hours { for m in minutes { for s in secondList { times.append(h * 3600 + m * 60 + s) } } }
        }
        timesOfDay = Array(Set(times)).sorted()
        subPeriodOffsets = Array(Set(offsets)).sorted()

        switch rule.frequency {
        case .yearly:
            period = start.year
            maxEmptyPeriods = 401
        case .monthly:
            period = start.year * 12 + start.month - 1
            maxEmptyPeriods = 4801
        case .weekly:
            let day = start.dayNumber
            period = day - CivilCalendar.floorMod(CivilCalendar.weekday(ofDayNumber: day) - weekStart, 7)
            maxEmptyPeriods = 20_872
        case .daily:
            period = start.dayNumber
            maxEmptyPeriods = 146_098
        case .hourly:
            period = start.dayNumber * 24 + start.hour
            maxEmptyPeriods = 1_000_000
        case .minutely:
            period = (start.dayNumber * 24 + start.hour) * 60 + start.minute
            maxEmptyPeriods = 1_000_000
        case .secondly:
            period = start.localSeconds
            maxEmptyPeriods = 1_000_000
        }
        let noTimes = rule.frequency >= .daily ? timesOfDay.isEmpty
            : rule.frequency == .secondly ? secondMask == 0 : subPeriodOffsets.isEmpty
        // The most candidates one period can hold; BYSETPOS positions beyond it never select.
        let periodCapacity: Int
        switch rule.frequency {
        case .secondly: periodCapacity = 1
        case .minutely, .hourly: periodCapacity = subPeriodOffsets.count
        case .daily: periodCapacity = timesOfDay.count
        case .weekly: periodCapacity = 7 * timesOfDay.count
        case .monthly: periodCapacity = 31 * timesOfDay.count
        case .yearly: periodCapacity = 366 * timesOfDay.count
        }
        let unreachablePositions = !setPositions.isEmpty && setPositions.allSatisfy { abs($0) > periodCapacity }
        if noTimes || unreachablePositions { finished = true }
    }

    /// The next candidate at or after DTSTART, in local seconds; `nil` when the rule is exhausted.
    @inline(__always)
    mutating func next() -> Int? {
        while true {
            if index < buffer.count {
                let value = buffer[index]
                index += 1
                if value >= startLocal { return value }
                continue
            }
            if finished { return nil }
            buffer.removeAll(keepingCapacity: true)
            index = 0
            fillPeriod()
            if !setPositions.isEmpty && !buffer.isEmpty { applySetPositions() }
            if buffer.isEmpty {
                emptyPeriods += 1
                if emptyPeriods >= maxEmptyPeriods { finished = true }
            } else {
                emptyPeriods = 0
            }
        }
    }

    // MARK: - Periods

    private mutating func fillPeriod() {
        switch frequency {
        case .yearly: fillYear()
        case .monthly: fillMonth()
        case .weekly: fillWeek()
        case .daily: fillDay()
        case .hourly: fillHour()
        case .minutely: fillMinute()
        case .secondly: fillSecond()
        }
    }

    private mutating func fillYear() {
        let year = period
        period += interval
        guard year <= Self.maxYear else { finished = true; return }
        let jan1 = CivilCalendar.dayNumber(year: year, month: 1, day: 1)
        let leap = CivilCalendar.isLeapYear(year)
        let yearLength = leap ? 366 : 365
        if hasWeekNo { prepareWeekNumbers(year) }
        if !nthWeekdays.isEmpty {
            nthDays.removeAll(keepingCapacity: true)
            if monthMask != 0 {
                for month in 1...12 where monthMask & (1 << UInt64(month)) != 0 {
                    let first = monthStart(jan1, month, leap)
                    addNthDays(first, first + CivilCalendar.daysInMonth(year: year, month: month))
                }
            } else {
                addNthDays(jan1, jan1 + yearLength)
            }
        }
        if hasYearDay {
            fillYearDays(year: year, jan1: jan1, yearLength: yearLength)
            return
        }
        for month in 1...12 where monthMask == 0 || monthMask & (1 << UInt64(month)) != 0 {
            let first = monthStart(jan1, month, leap)
            appendMatchingDays(
                first: first, length: CivilCalendar.daysInMonth(year: year, month: month), jan1: jan1,
                yearLength: yearLength, year: year)
        }
    }

    /// YEARLY with `BYYEARDAY`: the candidate days are the year days themselves.
    private mutating func fillYearDays(year: Int, jan1: Int, yearLength: Int) {
        yearDays.removeAll(keepingCapacity: true)
        for yearDay in 1...yearLength {
            if yearDayPositive.contains(yearDay) || yearDayNegative.contains(yearLength - yearDay + 1) {
                yearDays.append(jan1 + yearDay - 1)
            }
        }
        for day in yearDays {
            let (_, month, monthDay) = CivilCalendar.civil(fromDayNumber: day)
            guard monthMask == 0 || monthMask & (1 << UInt64(month)) != 0 else { continue }
            if dayMatches(day, monthDay: monthDay, monthLength: CivilCalendar.daysInMonth(year: year, month: month),
                yearDay: day - jan1, yearLength: yearLength, year: year)
            {
                appendTimes(of: day)
            }
        }
    }

    /// Appends the times of the days of one month that pass every filter, ascending, visiting
    /// only the days the most selective part allows (its month days, weekdays, or n-th weekdays).
    @inline(__always)
    private mutating func appendMatchingDays(first: Int, length: Int, jan1: Int, yearLength: Int, year: Int) {
        let end = first + length
        if hasMonthDay {
            var days = monthDayPositive & ((UInt64(1) << UInt64(length + 1)) - 2)
            var negative = monthDayNegative & ((UInt64(1) << UInt64(length + 1)) - 2)
            while negative != 0 {
                let n = negative.trailingZeroBitCount
                negative &= negative - 1
                days |= UInt64(1) << UInt64(length + 1 - n)
            }
            while days != 0 {
                let monthDay = days.trailingZeroBitCount
                days &= days - 1
                let day = first + monthDay - 1
                if dayMatches(day, monthDay: monthDay, monthLength: length, yearDay: day - jan1,
                    yearLength: yearLength, year: year)
                {
                    appendTimes(of: day)
                }
            }
        } else if hasByDay && nthWeekdays.isEmpty {
            let firstWeekday = CivilCalendar.weekday(ofDayNumber: first)
            var day = weekdayMask & (1 << UInt64(firstWeekday)) != 0 ? first : first + nextWeekdayStep[firstWeekday]
            while day < end {
                if !hasWeekNo || weekNumberMatches(day, year: year) { appendTimes(of: day) }
                day += nextWeekdayStep[CivilCalendar.weekday(ofDayNumber: day)]
            }
        } else if hasByDay && weekdayMask == 0 {
            nthInRange.removeAll(keepingCapacity: true)
            for day in nthDays where day >= first && day < end { nthInRange.append(day) }
            nthInRange.sort()
            var previous = Int.min
            for day in nthInRange where day != previous {
                previous = day
                if dayMatches(day, monthDay: day - first + 1, monthLength: length, yearDay: day - jan1,
                    yearLength: yearLength, year: year)
                {
                    appendTimes(of: day)
                }
            }
        } else {
            for day in first..<end
            where dayMatches(day, monthDay: day - first + 1, monthLength: length, yearDay: day - jan1,
                yearLength: yearLength, year: year)
            {
                appendTimes(of: day)
            }
        }
    }

    private mutating func fillMonth() {
        let monthIndex = period
        period += interval
        let year = CivilCalendar.floorDiv(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        guard year <= Self.maxYear else { finished = true; return }
        guard monthMask == 0 || monthMask & (1 << UInt64(month)) != 0 else { return }
        let first = CivilCalendar.dayNumber(year: year, month: month, day: 1)
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        if !nthWeekdays.isEmpty {
            nthDays.removeAll(keepingCapacity: true)
            addNthDays(first, first + length)
        }
        appendMatchingDays(first: first, length: length, jan1: 0, yearLength: 0, year: year)
    }

    private mutating func fillWeek() {
        let weekFirstDay = period
        period += 7 * interval
        if weekdaysOnly {
            guard weekFirstDay + 6 <= Self.maxDayNumber else { finished = true; return }
            // The week's first day is a WKST day: weekdays follow from it.
            for i in 0..<7 where weekdayMask & (1 << UInt64((weekStart + i) % 7)) != 0 {
                appendTimes(of: weekFirstDay + i)
            }
            return
        }
        for day in weekFirstDay..<(weekFirstDay + 7) where dayMatchesCivil(day) {
            appendTimes(of: day)
        }
    }

    private mutating func fillDay() {
        let day = period
        period += interval
        if dayMatchesCivil(day) { appendTimes(of: day) }
    }

    private mutating func fillHour() {
        let hours = period
        let day = CivilCalendar.floorDiv(hours, 24)
        let hour = hours - day * 24
        guard dayMatchesCivil(day) else { skip(to: (day + 1) * 24); return }
        period += interval
        guard hourMask & (1 << UInt64(hour)) != 0 else { return }
        let base = day * CivilCalendar.secondsPerDay + hour * 3600
        for offset in subPeriodOffsets { buffer.append(base + offset) }
    }

    private mutating func fillMinute() {
        let minutes = period
        let day = CivilCalendar.floorDiv(minutes, 1440)
        let minuteOfDay = minutes - day * 1440
        let hour = minuteOfDay / 60
        guard dayMatchesCivil(day) else { skip(to: (day + 1) * 1440); return }
        guard hourMask & (1 << UInt64(hour)) != 0 else { skip(to: day * 1440 + (hour + 1) * 60); return }
        period += interval
        guard minuteMask & (1 << UInt64(minuteOfDay % 60)) != 0 else { return }
        let base = day * CivilCalendar.secondsPerDay + minuteOfDay * 60
        for offset in subPeriodOffsets { buffer.append(base + offset) }
    }

    private mutating func fillSecond() {
        let seconds = period
        let day = CivilCalendar.floorDiv(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = seconds - day * CivilCalendar.secondsPerDay
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let dayStart = day * CivilCalendar.secondsPerDay
        guard dayMatchesCivil(day) else { skip(to: dayStart + CivilCalendar.secondsPerDay); return }
        guard hourMask & (1 << UInt64(hour)) != 0 else { skip(to: dayStart + (hour + 1) * 3600); return }
        guard minuteMask & (1 << UInt64(minute)) != 0 else {
            skip(to: dayStart + hour * 3600 + (minute + 1) * 60)
            return
        }
        period += interval
        if secondMask & (1 << UInt64(secondOfDay % 60)) != 0 { buffer.append(seconds) }
    }

    /// Moves the period to the first one, a whole number of intervals ahead, at or after `target`.
    @inline(__always)
    private mutating func skip(to target: Int) {
        let steps = max(1, (target - period + interval - 1) / interval)
        period += steps * interval
    }

    // MARK: - Day filters

    @inline(__always)
    private func monthStart(_ jan1: Int, _ month: Int, _ leap: Bool) -> Int {
        jan1 + Self.cumulativeDays[month - 1] + (leap && month > 2 ? 1 : 0)
    }

    @inline(__always)
    private mutating func appendTimes(of day: Int) {
        let base = day * CivilCalendar.secondsPerDay
        for time in timesOfDay { buffer.append(base + time) }
    }

    /// Days `[from, to)` that are the n-th weekday of each ordinal `BYDAY` entry.
    private mutating func addNthDays(_ from: Int, _ to: Int) {
        for (weekday, ordinal) in nthWeekdays {
            if ordinal > 0 {
                let first = from + CivilCalendar.floorMod(weekday - CivilCalendar.weekday(ofDayNumber: from), 7)
                let day = first + (ordinal - 1) * 7
                if day < to { nthDays.append(day) }
            } else {
                let last = to - 1 - CivilCalendar.floorMod(CivilCalendar.weekday(ofDayNumber: to - 1) - weekday, 7)
                let day = last + (ordinal + 1) * 7
                if day >= from { nthDays.append(day) }
            }
        }
    }

    /// Whether a day passes every day-level `BYxxx` filter (the month is checked by the caller).
    @inline(__always)
    private func dayMatches(
        _ day: Int, monthDay: Int, monthLength: Int, yearDay: Int, yearLength: Int, year: Int
    ) -> Bool {
        if hasByDay {
            let weekday = CivilCalendar.weekday(ofDayNumber: day)
            if weekdayMask & (1 << UInt64(weekday)) == 0 && !nthDays.contains(day) { return false }
        }
        if hasMonthDay {
            if monthDayPositive & (1 << UInt64(monthDay)) == 0
                && monthDayNegative & (1 << UInt64(monthLength - monthDay + 1)) == 0
            {
                return false
            }
        }
        if hasYearDay {
            if !yearDayPositive.contains(yearDay + 1) && !yearDayNegative.contains(yearLength - yearDay) {
                return false
            }
        }
        if hasWeekNo && !weekNumberMatches(day, year: year) { return false }
        return true
    }

    /// `dayMatches` for frequencies that do not walk months (WEEKLY and finer), month included.
    @inline(__always)
    private mutating func dayMatchesCivil(_ day: Int) -> Bool {
        if day == cachedDay { return cachedDayMatches }
        if weekdaysOnly {
            guard day <= Self.maxDayNumber else { finished = true; return false }
            return !hasByDay || weekdayMask & (1 << UInt64(CivilCalendar.weekday(ofDayNumber: day))) != 0
        }
        let (year, month, monthDay) = CivilCalendar.civil(fromDayNumber: day)
        let matches: Bool
        if year > Self.maxYear {
            finished = true
            matches = false
        } else if monthMask != 0 && monthMask & (1 << UInt64(month)) == 0 {
            matches = false
        } else if !hasByDay && !hasMonthDay && !hasYearDay {
            matches = true
        } else {
            let jan1 = CivilCalendar.dayNumber(year: year, month: 1, day: 1)
            matches = dayMatches(
                day, monthDay: monthDay, monthLength: CivilCalendar.daysInMonth(year: year, month: month),
                yearDay: day - jan1, yearLength: CivilCalendar.daysInYear(year), year: year)
        }
        cachedDay = day
        cachedDayMatches = matches
        return matches
    }

    private mutating func prepareWeekNumbers(_ year: Int) {
        guard weekNumberYear != year else { return }
        weekNumberYear = year
        weekOneStarts = (
            CivilCalendar.firstDayOfWeekOne(year: year - 1, weekStart: weekStart),
            CivilCalendar.firstDayOfWeekOne(year: year, weekStart: weekStart),
            CivilCalendar.firstDayOfWeekOne(year: year + 1, weekStart: weekStart),
            CivilCalendar.firstDayOfWeekOne(year: year + 2, weekStart: weekStart)
        )
    }

    /// Whether the day's week number (weeks from WKST, week 1 holding January 4th) is selected.
    @inline(__always)
    private func weekNumberMatches(_ day: Int, year: Int) -> Bool {
        let weekFirstDay = day - CivilCalendar.floorMod(CivilCalendar.weekday(ofDayNumber: day) - weekStart, 7)
        let (previous, current, next, afterNext) = weekOneStarts
        let weekOne: Int
        let nextWeekOne: Int
        if weekFirstDay < current {
            (weekOne, nextWeekOne) = (previous, current)
        } else if weekFirstDay >= next {
            (weekOne, nextWeekOne) = (next, afterNext)
        } else {
            (weekOne, nextWeekOne) = (current, next)
        }
        let number = (weekFirstDay - weekOne) / 7 + 1
        let weeks = (nextWeekOne - weekOne) / 7
        return weekNoPositive & (1 << UInt64(number)) != 0
            || weekNoNegative & (1 << UInt64(weeks - number + 1)) != 0
    }

    /// Keeps only the `BYSETPOS` positions of the period's sorted set.
    private mutating func applySetPositions() {
        let count = buffer.count
        var picked: [Int] = []
        picked.reserveCapacity(setPositions.count)
        for position in setPositions {
            let i = position > 0 ? position - 1 : count + position
            if i >= 0 && i < count { picked.append(buffer[i]) }
        }
        picked.sort()
        buffer.removeAll(keepingCapacity: true)
        for value in picked where buffer.last != value { buffer.append(value) }
    }
}
