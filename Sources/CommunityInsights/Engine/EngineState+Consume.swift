import CommunityCore
import Foundation

extension EngineState {
    /// A state over the dictionaries of `table`, its per-id arrays sized once.
    init(table: ActivityTable, window: InsightsWindow, evaluationTime: Double, configuration: InsightsConfiguration) {
        self.init(window: window, evaluationTime: evaluationTime, configuration: configuration)
        memberNames = table.memberIDs
        objectNames = table.objectIDs
        eventNames = table.eventIDs
        spaceNames = table.spaceIDs
        tagNames = table.tagIDs
        growToNames()
        threads = [ThreadState](hugePagesCapacity: table.threadCount)
        if tagNames.count <= 64 { tagStride = tagNames.count }
        // Room for every member's tag block, so that the pool never grows by copying: address
        // space only, touched as members engage (in huge pages where the kernel offers them).
        tagEntryWeight = [Double](hugePagesCapacity: memberNames.count * tagStride)
    }

    /// Streams every row of `table` (whose dictionaries this state was built over): the main
    /// section on the caller's thread and, when `concurrently`, the ``activity`` section on a
    /// thread of its own (else after the main one). Both visit the rows in table order, so the
    /// state is the same either way.
    /// - Returns: The number of rows skipped because a reference did not resolve.
    mutating func consume(table: ActivityTable, concurrently: Bool) throws(CommunityError) -> Int {
        activityInline = false
        defer { activityInline = true }
        let side: SideTask<(ActivitySection, ActivityReportParts)>?
        if concurrently, recordCount == 0 {
            // A fresh state: the thread sizes its own section, so that no array is shared (and
            // copied on its first write).
            let counts = (members: activity.members.count, objects: activity.posts.count)
            activity = activity.unsized()
            let empty = activity
            let memberIDs = table.memberIDs.strings
            side = SideTask {
                var section = empty
                section.grow(members: counts.members, objects: counts.objects)
                section.consume(table: table)
                // Usually done before the main section: the parts of the report only this
                // section decides are computed here meanwhile.
                return (section, section.reportParts(memberIDs: memberIDs))
            }
        } else {
            side = nil
        }
        let skipped = try consumeMainRows(table)
        if let (streamed, parts) = side?.wait() {
            activity = streamed
            activityParts = parts
        } else {
            activity.grow(members: memberNames.count, objects: objectNames.count)
            activity.consume(table: table)
        }
        return skipped
    }

    /// Streams every row of `table` through ``consumeMainRow(_:t:line:member:object:target:flags:tags:)``;
    /// returns the number of rows skipped. The columns are read through buffer pointers (the
    /// row index is in range for every column, all `table.count` long): per-row bounds and
    /// uniqueness checks on eight arrays cost as much as a view's own bookkeeping.
    mutating func consumeMainRows(_ table: ActivityTable) throws(CommunityError) -> Int {
        var skipped = 0
        try table.kinds.withUnsafeBufferPointer { (kinds) throws(CommunityError) in
            try table.times.withUnsafeBufferPointer { (times) throws(CommunityError) in
                try table.lines.withUnsafeBufferPointer { (lines) throws(CommunityError) in
                    try table.members.withUnsafeBufferPointer { (members) throws(CommunityError) in
                        try table.objects.withUnsafeBufferPointer { (objects) throws(CommunityError) in
                            try table.targets.withUnsafeBufferPointer { (targets) throws(CommunityError) in
                                try table.flags.withUnsafeBufferPointer { (flags) throws(CommunityError) in
                                    let n = kinds.count
                                    for row in 0..<n {
                                        // Prefetch in three stages, each a row's lines that the stage before made readable.
                                        if row + Self.farRows < n {
                                            let ahead = row + Self.farRows
                                            prefetchFar(kinds[ahead], member: Int(members[ahead]), object: Int(objects[ahead]), target: Int(targets[ahead]))
                                            if kinds[ahead] == .thread { table.extras.prefetch(ahead) }
                                        }
                                        if row + Self.middleRows < n {
                                            let ahead = row + Self.middleRows
                                            prefetchMiddle(kinds[ahead], member: Int(members[ahead]), object: Int(objects[ahead]), target: Int(targets[ahead]))
                                        }
                                        if row + Self.nearRows < n {
                                            let ahead = row + Self.nearRows
                                            prefetchNear(kinds[ahead], object: Int(objects[ahead]), target: Int(targets[ahead]))
                                        }
                                        let kind = kinds[row]
                                        let tags = kind == .thread && flags[row] & ActivityTable.Flag.second != 0
                                            ? table.tags(ofThread: Int(table.extras[row])) : nil
                                        let consumed = try consumeMainRow(
                                            kind, t: times[row], line: Int(lines[row]), member: Int(members[row]),
                                            object: Int(objects[row]), target: Int(targets[row]), flags: flags[row], tags: tags)
                                        if !consumed { skipped += 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return skipped
    }

    /// Folds a record in, interning its identifiers into this state's dictionaries; returns
    /// `false` if it was skipped because a reference did not resolve.
    mutating func consume(_ record: ActivityRecord) throws(CommunityError) -> Bool {
        var m = -1, o = -1, target = -1
        var bits: UInt8 = 0
        var tags: ArraySlice<Int32>?
        func missing(_ id: String) -> CommunityError {
            ActivityLogReader.memberBeforeJoin(id, line: record.line)
        }
        // Members are interned by their member line only, so member indices are join order.
        // A missing member is reported after the time checks, as a table row would be.
        var pendingError: CommunityError?
        if let id = record.event.member {
            if case .member = record.event {
                m = Int(try memberNames.intern(id))
            } else if let known = memberNames.index(of: id) {
                m = Int(known)
            } else {
                pendingError = missing(id)
            }
        }
        switch record.event {
        case let .member(_, _, staff, bot):
            bits = (staff ? ActivityTable.Flag.first : 0) | (bot ? ActivityTable.Flag.second : 0)
        case let .role(_, _, staff):
            bits = staff ? ActivityTable.Flag.first : 0
        case let .tag(tag, product):
            o = Int(try tagNames.intern(tag))
            bits = product ? ActivityTable.Flag.first : 0
        case let .thread(id, _, _, space, kind, list):
            o = Int(try objectNames.intern(id))
            target = Int(try spaceNames.intern(space))
            if let list {
                var interned: [Int32] = []
                interned.reserveCapacity(list.count)
                for tag in list { interned.append(try tagNames.intern(tag)) }
                tags = interned[...]
            }
            bits = kind == .question ? ActivityTable.Flag.first : 0
        case let .reply(id, _, _, thread, _):
            o = Int(try objectNames.intern(id))
            target = Int(try objectNames.intern(thread))
        case let .accept(_, _, thread, post):
            target = Int(try objectNames.intern(thread))
            o = Int(try objectNames.intern(post))
        case let .react(_, _, post), let .delete(_, _, post), let .flag(_, _, post):
            o = Int(try objectNames.intern(post))
        case let .rsvp(_, _, event), let .attend(_, _, event):
            o = Int(try eventNames.intern(event))
        case let .view(_, _, resource):
            o = Int(try objectNames.intern(resource))
        }
        growToNames()
        unresolvedMember = pendingError
        defer { unresolvedMember = nil }
        return try consumeRow(
            ActivityKind(record.event), t: record.time?.timeIntervalSince1970 ?? -.infinity, line: record.line,
            member: m, object: o, target: target, flags: bits, tags: tags)
    }

    func error(_ line: Int, _ message: String) -> CommunityError {
        ActivityLogReader.lineError(line, message)
    }

    /// The member of a row, who must have joined.
    ///
    /// `mutating` though it changes nothing: a non-mutating call from the row loop copied the
    /// whole state (some 900 bytes) onto the stack on every row.
    mutating func joined(_ m: Int, line: Int) throws(CommunityError) -> Int {
        guard m >= 0, members[m].joined else { throw notJoined(m, line: line) }
        return m
    }

    /// The error of a row whose member has no member line yet.
    func notJoined(_ m: Int, line: Int) -> CommunityError {
        if let unresolvedMember { return unresolvedMember }
        return ActivityLogReader.memberBeforeJoin(m >= 0 ? memberNames[Int32(m)] : "", line: line)
    }

    /// Folds one row in (indices into this state's dictionaries), into both sections when
    /// ``activityInline``; returns `false` if it was skipped because a reference did not resolve.
    mutating func consumeRow(
        _ kind: ActivityKind, t: Double, line: Int, member: Int, object o: Int, target: Int, flags: UInt8,
        tags: ArraySlice<Int32>?
    ) throws(CommunityError) -> Bool {
        activityParts = nil
        let consumed = try consumeMainRow(
            kind, t: t, line: line, member: member, object: o, target: target, flags: flags, tags: tags)
        if activityInline {
            activity.consumeRow(kind, t: t, member: member, object: o, target: target, flags: flags)
        }
        return consumed
    }

    /// Folds one row into the main section (everything but ``activity``): validation, posts and
    /// threads, SPICES, tag weights, A3 inputs, events and window counters.
    mutating func consumeMainRow(
        _ kind: ActivityKind, t: Double, line: Int, member: Int, object o: Int, target: Int, flags: UInt8,
        tags: ArraySlice<Int32>?
    ) throws(CommunityError) -> Bool {
        recordCount += 1
        if kind == .tag {
            tagProduct[o] = flags & ActivityTable.Flag.first != 0
            return true
        }
        guard t >= lastTime else {
            throw error(line, "records must be consumed in (t, line) order; this line's t \(RFC3339.format(Date(timeIntervalSince1970: t))) is earlier than the previous record's")
        }
        guard t <= evaluation else {
            throw error(line, "t \(RFC3339.format(Date(timeIntervalSince1970: t))) is after the evaluation time \(RFC3339.format(Date(timeIntervalSince1970: evaluation)))")
        }
        lastTime = t
        if firstLogDay == nil { firstLogDay = RFC3339.day(t) }
        switch kind {
        case .tag:
            return true
        case .member:
            let m = member
            if members[m].joined {
                throw error(line, "member \"\(memberNames[Int32(m)])\" already has a member line (line \(memberJoinLine[m])); use role lines for staff changes")
            }
            let staff = flags & ActivityTable.Flag.first != 0, bot = flags & ActivityTable.Flag.second != 0
            join(m, t: t, line: line, staff: staff, bot: bot)
            if inWindow(t), !staff, !bot { joinedInWindow.append(m) }
        case .role:
            members[try joined(member, line: line)].staff = flags & ActivityTable.Flag.first != 0
        case .thread:
            let m = try joined(member, line: line)
            let th = threads.count
            try addPost(o, line: line, author: m, t: t, thread: th)
            viewTargets[o] = Int32(th)
            for k in tags ?? [] where !threadTagList[Int(threadTagStart[th])...].contains(k) { threadTagList.append(k) }
            threadTagStart.append(Int32(threadTagList.count))
            threadAuthor.append(m)
            threadT0.append(t)
            threadAuthorStaff.append(members[m].staff)
            threadCandidateHead.append(-1)
            let (base, configured) = threadBaseLetters(space: target, tags: tags)
            threads.append(ThreadState(
                root: o, spicesBase: base, spicesConfigured: configured, question: flags & ActivityTable.Flag.first != 0))
            posted(m, t, post: o)
            spices(m, t, threadLetters(th, view: false, t), weight: 6)
            if inWindow(t), !members[m].staff, !members[m].bot { memberStartedThreadInWindow[m] = true }
            engaged(m, t, thread: th, weight: 6)
        case .reply:
            let m = try joined(member, line: line)
            let rootThread = postLinks[target].thread
            guard rootThread >= 0, threads[Int(rootThread)].root == target else {
                try addPost(o, line: line, author: m, t: t, thread: Int(Self.orphan))
                return false
            }
            let th = Int(rootThread)
            try addPost(o, line: line, author: m, t: t, thread: th)
            if m != threadAuthor[th], !members[m].bot, t > threadT0[th] {
                postNextCandidate[o] = threadCandidateHead[th]
                threadCandidateHead[th] = Int32(o)
            }
            if inWindow(t) { repliesInWindow += 1 }
            posted(m, t, post: o)
            spices(m, t, threadLetters(th, view: false, t), weight: 5)
            engaged(m, t, thread: th, weight: 5)
        case .accept:
            _ = try joined(member, line: line)
            let th = Int(postLinks[o].thread)
            guard th >= 0, threads[th].root == target else { return false }
            threads[th].accepted = o
            threads[th].acceptTime = t
        case .react:
            let m = try joined(member, line: line)
            firstReactOrRSVP(m, t)
            if inWindow(t) { reactionsInWindow += 1 }
            let th = Int(postLinks[o].thread)
            guard th >= 0 else { return false }
            engaged(m, t, thread: th, weight: 2)
            spices(m, t, threadLetters(th, view: false, t), weight: 2)
        case .delete:
            let m = try joined(member, line: line)
            guard postLinks[o].thread != Self.notAPost else { return false }
            postDeleted[o] = true
            let offset = evaluationDay - RFC3339.day(t)
            if m != Int(postLinks[o].author), offset < DayMask.span { recentFlagsAndHides.append((o, offset)) }
        case .flag:
            _ = try joined(member, line: line)
            guard postLinks[o].thread != Self.notAPost else { return false }
            postFlags[o] += 1
            let offset = evaluationDay - RFC3339.day(t)
            if offset < DayMask.span { recentFlagsAndHides.append((o, offset)) }
        case .rsvp:
            let m = try joined(member, line: line)
            firstReactOrRSVP(m, t)
            spices(m, t, eventLetters(o), weight: 3)
            guard !members[m].bot, !members[m].staff else { break }
            let inside = inWindow(t)
            eventPairs.update(m, o) { $0 |= Self.rsvpedPair | (inside ? Self.rsvpedInWindowPair : 0) }
            if inside { memberRSVPInWindow[m] = true }
        case .attend:
            let m = try joined(member, line: line)
            spices(m, t, eventLetters(o), weight: 5)
            guard !members[m].bot, !members[m].staff else { break }
            let inside = inWindow(t)
            eventPairs.update(m, o) { flags in
                if inside, flags & Self.rsvpedPair == 0 { flags |= Self.walkInPair }
                flags |= Self.attendedPair
            }
        case .view:
            let m = try joined(member, line: line)
            if !members[m].viewed {
                // Rows come in time order: the first view is the earliest.
                members[m].viewed = true
                memberFirstView[m] = t
            }
            if inWindow(t) { viewsInWindow += 1 }
            let th = Int(viewTargets[o])
            let isThread = th >= 0
            if isThread {
                spices(m, t, threadLetters(th, view: true, t), weight: 1)
            } else {
                spices(m, t, resourceLetters(o), weight: 1)
            }
            guard !members[m].bot, !members[m].staff, inWindow(t) else { break }
            if members[m].viewsInWindow < .max { members[m].viewsInWindow += 1 }
            if isThread { threads[th].viewsInWindow += 1 }
        }
        return true
    }
}
