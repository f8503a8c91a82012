import Foundation

/// The report's sections that read only the activity section's state (C1, C2): the section
/// computes them on its own thread as soon as it has streamed (``ActivityReportParts``).
extension ActivitySection {
    // MARK: C1

    /// C1 (Reading 6): DAU/MAU over the 30 days to ``stickinessLastDay``, and per day.
    func stickiness() -> Stickiness {
        var dau = [Int](repeating: 0, count: 30)
        var mau = [Int](repeating: 0, count: 30)
        let monthMask: UInt64 = (1 << 30) - 1
        for mask in members.lazy.map(\.dayMask) where mask != 0 {
            for j in 0..<30 {
                if mask & (1 << UInt64(j)) != 0 { dau[j] += 1 }
                if (mask >> UInt64(j)) & monthMask != 0 { mau[j] += 1 }
            }
        }
        var sum = 0.0
        for j in (0..<30).reversed() where mau[j] > 0 { sum += Double(dau[j]) / Double(mau[j]) }  // chronological
        let ratio = sum / 30
        return Stickiness(
            dauMau: ratio, periodStart: RFC3339.formatDay(stickinessLastDay - 29),
            periodEnd: RFC3339.formatDay(stickinessLastDay), dau: dau[0], mau: mau[0],
            health: .atLeast(ratio, 0.20, "dau_mau >= 0.20 (SaaS: 0.15 average, 0.20 good, 0.30 great; Sequoia via June)"),
            days: dailyStickiness())
    }

    /// C1 per day over the C2 day range, from the difference array built while streaming.
    func dailyStickiness() -> [DailyStickiness] {
        let firstDay = RFC3339.day(from)
        let lastDay = RFC3339.day(min(to.nextDown, evaluation))
        guard lastDay >= firstDay else { return [] }
        var mau = 0
        mau = mauDelta.sum(through: firstDay)
        var days: [DailyStickiness] = []
        days.reserveCapacity(lastDay - firstDay + 1)
        for d in firstDay...lastDay {
            if d > firstDay { mau += mauDelta[d] }
            let dau = dauPerDay[d]
            days.append(DailyStickiness(
                date: RFC3339.formatDay(d), dau: dau, mau: mau, dauMau: mau > 0 ? Double(dau) / Double(mau) : 0))
        }
        return days
    }

    // MARK: C2

    /// C2: engaged members per day of the window, their mean and peak.
    func dailyEngagedUsers() -> DailyEngagedUsers {
        let firstDay = RFC3339.day(from)
        let lastDay = RFC3339.day(min(to.nextDown, evaluation))
        guard lastDay >= firstDay else { return DailyEngagedUsers(mean: nil, peak: 0, days: []) }
        let days = (firstDay...lastDay).map { DailyCount(date: RFC3339.formatDay($0), count: engagedPerDay[$0]) }
        let total = days.reduce(0) { $0 + $1.count }
        return DailyEngagedUsers(
            mean: Double(total) / Double(days.count), peak: days.map(\.count).max() ?? 0, days: days)
    }
}
