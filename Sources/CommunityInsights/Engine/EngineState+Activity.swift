import Foundation

extension EngineState {
    // MARK: C3

    /// C3 (`responses`: every thread's first responses).
    func retention(_ responses: [ThreadResponses]) -> Retention {
        var cohorts: [Int: [Int]] = [:]
        for m in joinedInWindow {
            let day = RFC3339.day(memberJoin[m])
            let monday = day - RFC3339.weekday(ofDay: day)
            cohorts[monday, default: []].append(m)
        }
        let day = 86_400.0
        let rows = cohorts.keys.sorted().map { monday -> RetentionCohort in
            let cohort = cohorts[monday] ?? []
            let lastJoin = cohort.map { memberJoin[$0] }.max() ?? 0
            // Every share's count in one pass over the cohort: the members retained per
            // retention bit, and per unbounded day (1, 7, 30).
            var retainedPerBit = [Int](repeating: 0, count: 15)
            var retainedSince = [Int](repeating: 0, count: 3)
            let unboundedDays = [1, 7, 30]
            for m in cohort {
                var bits = activity.members[m].retentionBits
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    bits &= bits - 1
                    if bit < retainedPerBit.count { retainedPerBit[bit] += 1 }
                }
                let lastActive = activity.members[m].lastActive
                for (i, n) in unboundedDays.enumerated() where lastActive >= memberJoin[m] + Double(n) * day {
                    retainedSince[i] += 1
                }
            }
            func share(_ observedAfter: Double, _ retained: Int) -> Double? {
                guard lastJoin + observedAfter <= evaluation else { return nil }
                return Statistics.ratio(retained, cohort.count)
            }
            func bounded(_ n: Int, bit: UInt32) -> Double? {
                share(Double(n + 1) * day, retainedPerBit[bit.trailingZeroBitCount])
            }
            func unbounded(_ n: Int) -> Double? {
                share(Double(n + 1) * day, unboundedDays.firstIndex(of: n).map { retainedSince[$0] } ?? 0)
            }
            let weeks = (1...12).map { k in bounded(7 * k + 6, bit: 1 << UInt32(2 + k)) }
            return RetentionCohort(
                cohortStart: RFC3339.formatDay(monday), members: cohort.count,
                day1: bounded(1, bit: 1), day7: bounded(7, bit: 2), day30: bounded(30, bit: 4),
                day1Unbounded: unbounded(1), day7Unbounded: unbounded(7), day30Unbounded: unbounded(30), weeks: weeks)
        }
        return Retention(cohorts: rows, firstPost: firstPostRetention(responses))
    }

    func firstPostRetention(_ responses: [ThreadResponses]) -> FirstPostRetention {
        let horizon = 90.0 * 86_400
        var counted = 0, retained = 0, replied = 0, repliedRetained = 0, unreplied = 0, unrepliedRetained = 0
        for m in members.indices {
            let first = memberFirstPost[m]
            guard inWindow(first), !members[m].bot, !memberFirstPostStaff[m], first + horizon <= evaluation else { continue }
            counted += 1
            let kept = memberSecondPost[m] - first <= horizon
            if kept { retained += 1 }
            let p = memberFirstPostIndex[m]
            guard p >= 0, postLinks[p].thread >= 0, threads[Int(postLinks[p].thread)].root == p else { continue }
            let th = Int(postLinks[p].thread)
            if let fr = responses[th].response, postTime[fr] - threadT0[th] <= 2 * 86_400 {
                replied += 1
                if kept { repliedRetained += 1 }
            } else {
                unreplied += 1
                if kept { unrepliedRetained += 1 }
            }
        }
        return FirstPostRetention(
            members: counted, retained: retained, retainedRate: Statistics.ratio(retained, counted),
            repliedMembers: replied, repliedRetainedRate: Statistics.ratio(repliedRetained, replied),
            unrepliedMembers: unreplied, unrepliedRetainedRate: Statistics.ratio(unrepliedRetained, unreplied))
    }

    // MARK: C9

    func activityTimes() -> ActivityTimes {
        let grid = (0..<7).map { Array(activity.heatmap[($0 * 24)..<($0 * 24 + 24)]) }
        let byDay = grid.map { $0.reduce(0, +) }
        let byHour = (0..<24).map { h in grid.reduce(0) { $0 + $1[h] } }
        let total = byDay.reduce(0, +)
        var bursts: [Burst] = []
        let firstDay = RFC3339.day(from)
        let lastDay = RFC3339.day(min(to.nextDown, evaluation))
        if let logStart = firstLogDay, lastDay >= firstDay {
            for d in firstDay...lastDay where d - 28 >= logStart {
                let trailing = ((d - 28)..<d).map { Double(activity.activityPerDay[$0]) }
                let mean = trailing.reduce(0, +) / 28
                let variance = trailing.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 28
                let threshold = mean + 2 * variance.squareRoot()
                let count = activity.activityPerDay[d]
                if Double(count) > threshold {
                    bursts.append(Burst(date: RFC3339.formatDay(d), count: count, threshold: threshold))
                }
            }
        }
        return ActivityTimes(
            heatmap: grid, peakWeekday: total == 0 ? nil : byDay.indices.max { byDay[$0] < byDay[$1] },
            peakHour: total == 0 ? nil : byHour.indices.max { byHour[$0] < byHour[$1] }, bursts: bursts)
    }

    // MARK: C11

    func eventsAndResources() -> EventsAndResources {
        var rsvps = 0, attended = 0, walkIns = 0
        eventPairs.forEach { _, flags in
            if flags & Self.rsvpedInWindowPair != 0 {
                rsvps += 1
                if flags & Self.attendedPair != 0 { attended += 1 }
            }
            if flags & Self.walkInPair != 0 { walkIns += 1 }
        }
        let rsvpMembers = memberRSVPInWindow.filter { $0 }.count
        let active = activity.members.lazy.filter(\.visitActiveInWindow).count
        let viewers = members.lazy.filter { $0.viewsInWindow > 0 }.count
        let views = members.reduce(0) { $0 + Int($1.viewsInWindow) }
        let solutionViews = threads.indices.filter { self.threads[$0].accepted >= 0 }.reduce(0) { $0 + self.threads[$1].viewsInWindow }
        let rate = Statistics.ratio(attended, rsvps)
        return EventsAndResources(
            rsvps: rsvps, rsvpAttendees: attended, attendanceRate: rate,
            walkIns: walkIns, rsvpMembers: rsvpMembers, rsvpReach: Statistics.ratio(rsvpMembers, active),
            uniqueViewers: viewers, views: views, viewsPerViewer: Statistics.ratio(views, viewers), solutionViews: solutionViews,
            health: .atLeast(rate, 1.0 / 3, "attendance_rate >= 0.33 (roughly 1/3 to 1/2 of registrants attend live; weak evidence)"))
    }
}
