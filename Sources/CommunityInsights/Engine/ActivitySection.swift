import Foundation

/// The section of the streaming pass that follows activity: Reading 5 (presence, DAU/MAU,
/// retention, the C9 heat map and daily counts), the C2 engaged days, §3 Love with its Orbit
/// weight masks, and the log of the reactions A3 counts.
///
/// Its state is disjoint from the rest of ``EngineState``, and it derives everything it needs
/// from the rows themselves (join, staff and bot status from `member` and `role` rows; whether a
/// post belongs to a thread from `thread` and `reply` rows), so over an ``ActivityTable`` it
/// streams the same rows in the same order on a thread of its own while the other section
/// streams them on the caller's: every figure is the one a single pass computes.
struct ActivitySection: Sendable {
    let from: Double
    let to: Double
    let evaluation: Double
    let evaluationDay: Int
    /// C1: the last day of the 30-day stickiness period (Reading 6).
    let stickinessLastDay: Int

    /// Indexed by member (join order).
    var members: [ActivityMemberState] = []
    /// The number of members the section is sized for (``members`` is moved out while rows stream).
    private(set) var memberCount = 0
    /// Per object id: whether it is a post of a thread.
    var posts: [ActivityPost] = []
    /// Per object id: the author (member index) of a post of a thread, −1 otherwise.
    var postAuthors: [Int32] = []
    /// A3: the reactions that count, logged (recipient, reactor, day) and tallied at report time.
    var recentReactions = RecentReactions()
    /// A3: the number of evaluation days (``EngineState/championHold``).
    let championHold: Int

    /// C1 daily series: DAU per day, and MAU as a difference array (MAU(d) = Σ deltas at days ≤ d).
    var dauPerDay = DaySeries()
    var mauDelta = DaySeries()
    /// C9: activity per day and per (weekday, hour) inside the window.
    var activityPerDay = DaySeries()
    var heatmap = [Int](repeating: 0, count: 7 * 24)
    /// C2: engaged members per day.
    var engagedPerDay = DaySeries()
    /// C9: the day of the last heat-map entry and the offset of its weekday's row (rows come in
    /// time order: the weekday is computed once a day).
    var heatmapDay = Int.min
    var heatmapRow = 0
    /// §3: the decay of the last time Love was counted at (`pow` once per distinct time: rows
    /// come in time order, and about a third share their second with the row before).
    var decayTime = Double.nan
    var decayValue = 0.0

    init(from: Double, to: Double, evaluation: Double, evaluationDay: Int, stickinessLastDay: Int, championHold: Int) {
        self.from = from
        self.to = to
        self.evaluation = evaluation
        self.evaluationDay = evaluationDay
        self.stickinessLastDay = stickinessLastDay
        self.championHold = championHold
    }

    func inWindow(_ t: Double) -> Bool { t >= from && t < to }

    /// A section with the same window and no state.
    func unsized() -> ActivitySection {
        ActivitySection(
            from: from, to: to, evaluation: evaluation, evaluationDay: evaluationDay, stickinessLastDay: stickinessLastDay,
            championHold: championHold)
    }

    /// Grows the per-id arrays to `members` members and `objects` object ids (the first growth
    /// in storage advised for huge pages: ``Swift/Array/grow(to:with:)``).
    mutating func grow(members count: Int, objects: Int) {
        members.grow(to: count, with: ActivityMemberState())
        memberCount = members.count
        posts.grow(to: objects, with: ActivityPost())
        postAuthors.grow(to: objects, with: -1)
    }

    /// Streams every row of `table` (whose dictionaries this section was sized over).
    ///
    /// The member states are moved out of ``members`` for the pass and updated in place through
    /// a buffer pointer: a row no longer copies its member's 128 bytes out and back, nor checks
    /// the array's uniqueness.
    mutating func consume(table: ActivityTable) {
        var states: [ActivityMemberState] = []
        swap(&states, &members)
        defer { swap(&states, &members) }
        states.withUnsafeMutableBufferPointer { states in
            consume(table: table, states: states)
        }
    }

    private mutating func consume(table: ActivityTable, states: UnsafeMutableBufferPointer<ActivityMemberState>) {
        table.kinds.withUnsafeBufferPointer { kinds in
            table.times.withUnsafeBufferPointer { times in
                table.members.withUnsafeBufferPointer { members in
                    table.objects.withUnsafeBufferPointer { objects in
                        table.targets.withUnsafeBufferPointer { targets in
                            table.flags.withUnsafeBufferPointer { flags in
                                let n = kinds.count
                                for row in 0..<n {
                                    // Prefetch (see ActivitySection+Prefetch.swift).
                                    if row + Self.farRows < n {
                                        let ahead = row + Self.farRows
                                        prefetchFar(kinds[ahead], t: times[ahead], states: states, member: Int(members[ahead]), object: Int(objects[ahead]))
                                    }
                                    let m = Int(members[row])
                                    guard m >= 0, m < states.count else { continue }
                                    consumeRow(
                                        kinds[row], t: times[row], member: m, object: Int(objects[row]),
                                        target: Int(targets[row]), flags: flags[row], state: &states[m])
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Folds one row in. Rows the other section rejects (an error) make the whole pass fail, so
    /// this one may assume every row is consistent; it never traps on one that is not.
    mutating func consumeRow(_ kind: ActivityKind, t: Double, member m: Int, object o: Int, target: Int, flags: UInt8) {
        guard m >= 0, m < members.count else { return }
        var states: [ActivityMemberState] = []
        swap(&states, &members)
        defer { swap(&states, &members) }
        consumeRow(kind, t: t, member: m, object: o, target: target, flags: flags, state: &states[m])
    }

    /// Folds one row into the section and into `s`, the state of its member `m`.
    mutating func consumeRow(
        _ kind: ActivityKind, t: Double, member m: Int, object o: Int, target: Int, flags: UInt8,
        state s: inout ActivityMemberState
    ) {
        switch kind {
        case .tag, .delete, .flag:
            return
        case .role:
            s.staff = flags & ActivityTable.Flag.first != 0
            return
        default:
            break
        }
        // Every other row is dated: its UTC day, taken once.
        let day = RFC3339.day(t)
        switch kind {
        case .tag, .delete, .flag, .role:
            return
        case .member:
            s.join = t
            s.staff = flags & ActivityTable.Flag.first != 0
            s.bot = flags & ActivityTable.Flag.second != 0
            active(&s, t, day)
        case .thread:
            if o >= 0, o < posts.count {
                posts[o] = ActivityPost(kind: 1)
                postAuthors[o] = Int32(truncatingIfNeeded: m)
            }
            love(&s, t, day, type: 5, weight: 6)
            engaged(&s, t, day)
        case .reply:
            if target >= 0, target < posts.count, posts[target].kind == 1 {
                if o >= 0, o < posts.count {
                    posts[o] = ActivityPost(kind: 2)
                    postAuthors[o] = Int32(truncatingIfNeeded: m)
                }
                love(&s, t, day, type: 4, weight: 5)
            }
            engaged(&s, t, day)
        case .accept:
            active(&s, t, day)
        case .react:
            if o >= 0, o < posts.count, posts[o].kind != 0 {
                engaged(&s, t, day)
                love(&s, t, day, type: 1, weight: 2)
                reactionReceived(post: o, from: m, bot: s.bot, day)
            } else {
                // A reaction to a post outside any thread is skipped, yet counted active twice
                // (as the single pass always did: once as active, once as engaged).
                active(&s, t, day)
                engaged(&s, t, day)
            }
        case .rsvp:
            active(&s, t, day)
            love(&s, t, day, type: 2, weight: 3)
        case .attend:
            active(&s, t, day)
            love(&s, t, day, type: 3, weight: 5)
        case .view:
            active(&s, t, day)
            love(&s, t, day, type: 0, weight: 1)
        }
    }

    /// Reading 5: an active line by a member who is neither staff at the line nor a bot.
    mutating func active(_ s: inout ActivityMemberState, _ t: Double, _ day: Int) {
        guard !s.bot else { return }
        s.presence.insert(evaluationDay - day)
        s.lastSeen = t
        guard !s.staff else { return }
        let offset = stickinessLastDay - day
        if offset >= 0, offset < 59 { s.dayMask |= 1 << UInt64(offset) }
        s.lastActive = t
        let lastDay = Int(s.lastActiveDay)
        if lastDay != day {
            // Days arrive in order: this day adds the member to MAU on [max(day, last + 30), day + 30).
            dauPerDay.add(day, 1)
            let start = lastDay == Int(Int32.min) ? day : max(day, lastDay + 30)
            if start < day + 30 {
                mauDelta.add(start, 1)
                mauDelta.add(day + 30, -1)
            }
            s.lastActiveDay = Int32(truncatingIfNeeded: day)
        }
        activityPerDay.add(day, 1)
        if inWindow(t) {
            s.visitActiveInWindow = true
            if day != heatmapDay {
                heatmapDay = day
                heatmapRow = RFC3339.weekday(ofDay: day) * 24
            }
            // Whole seconds into the day, then hours: an integer division (by a constant, a
            // multiply) where dividing the `Double` took a `divsd` per row; the same hour, as
            // ⌊x / 3600⌋ = ⌊⌊x⌋ / 3600⌋ for x ≥ 0 (and a negative x clamps to hour 0 either way).
            let hour = Int(t - Double(day) * 86_400) / 3600
            heatmap[heatmapRow + min(max(hour, 0), 23)] += 1
        }
        let age = t - s.join
        // From 91 days (13 weeks, exactly) on no retention bit applies: no division then.
        if age >= 86_400, age < 91 * 86_400 {
            // Integer divisions of the whole seconds, as for the hour above.
            let seconds = Int(age)
            let days = seconds / 86_400
            if days == 1 { s.retentionBits |= 1 }
            if days == 7 { s.retentionBits |= 2 }
            if days == 30 { s.retentionBits |= 4 }
            let week = seconds / (7 * 86_400)
            if (1...12).contains(week) { s.retentionBits |= 1 << UInt32(2 + week) }
        }
    }

    /// An engaged action (reaction, thread, reply; §0): also an active one.
    mutating func engaged(_ s: inout ActivityMemberState, _ t: Double, _ day: Int) {
        active(&s, t, day)
        guard !s.bot, !s.staff else { return }
        s.lastEngaged = t
        guard inWindow(t) else { return }
        s.engagedInWindow = true
        if Int(s.lastEngagedDay) != day {
            s.lastEngagedDay = Int32(truncatingIfNeeded: day)
            engagedPerDay.add(day, 1)
        }
    }

    /// A3: a reaction by `m` on `day` to post `o` (a post of a thread), counted for its author
    /// when it is someone else's post, `m` is no bot and the day is within the `DayMask.span`
    /// days before E.
    mutating func reactionReceived(post o: Int, from m: Int, bot: Bool, _ day: Int) {
        let offset = evaluationDay - day
        // The author is read only for a reaction that can count.
        guard !bot, offset < DayMask.span else { return }
        let recipient = Int(postAuthors[o])
        guard recipient >= 0, recipient < memberCount, recipient != m else { return }
        recentReactions.append(recipient: recipient, reactor: m, offset: offset)
    }

    /// §3: an activity of `weight` counted into Love (decay 0.9 per 30 days, last 365 days,
    /// at most 20 per type, member and UTC day) and into the Orbit weight masks.
    ///
    /// The caps share one day: rows come in time order, so when a member's first counted
    /// activity of a new day resets every type's count, each count is that day's count of its
    /// type, as with a day per type.
    mutating func love(_ s: inout ActivityMemberState, _ t: Double, _ day: Int, type: Int, weight: Double) {
        guard !s.bot, t > evaluation - 365 * 86_400 else { return }
        if Int(s.capDay) != day {
            s.capDay = Int32(truncatingIfNeeded: day)
            s.capCount = SIMD8(repeating: 0)
        }
        guard s.capCount[type] < 20 else { return }
        s.capCount[type] += 1
        if t != decayTime {
            decayTime = t
            decayValue = EngineState.decay(evaluation - t)
        }
        s.love += weight * decayValue
        let offset = evaluationDay - day
        if weight <= 3 { s.weightLow.insert(offset) } else { s.weightMid.insert(offset) }
    }
}
