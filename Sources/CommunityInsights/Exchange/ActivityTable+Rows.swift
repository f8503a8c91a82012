import CommunityCore
import Foundation

extension ActivityTable {
    /// The record of a row, with its strings looked up in the dictionaries.
    /// - Parameter row: `0..<count`.
    /// - Returns: The record as the reader produced it.
    public func record(at row: Int) -> ActivityRecord {
        let t = Date(timeIntervalSince1970: times[row])
        let member = members[row] >= 0 ? memberIDs[members[row]] : ""
        let o = objects[row], target = targets[row], extra = extras[row], bits = flags[row]
        let first = bits & Flag.first != 0, second = bits & Flag.second != 0
        let event: ActivityEvent
        switch kinds[row] {
        case .member: event = .member(member: member, time: t, staff: first, bot: second)
        case .role: event = .role(member: member, time: t, staff: first)
        case .tag: event = .tag(tag: tagIDs[o], product: first)
        case .thread:
            let tags = second ? tags(ofThread: Int(extra)).map { tagIDs[$0] } : nil
            event = .thread(id: objectIDs[o], member: member, time: t, space: spaceIDs[target],
                            kind: first ? .question : .discussion, tags: tags)
        case .reply:
            event = .reply(id: objectIDs[o], member: member, time: t, thread: objectIDs[target],
                           parent: extra >= 0 ? objectIDs[extra] : nil)
        case .accept: event = .accept(member: member, time: t, thread: objectIDs[target], post: objectIDs[o])
        case .react: event = .react(member: member, time: t, post: objectIDs[o])
        case .delete: event = .delete(member: member, time: t, post: objectIDs[o])
        case .flag: event = .flag(member: member, time: t, post: objectIDs[o])
        case .rsvp: event = .rsvp(member: member, time: t, event: eventIDs[o])
        case .attend: event = .attend(member: member, time: t, event: eventIDs[o])
        case .view: event = .view(member: member, time: t, resource: objectIDs[o])
        }
        return ActivityRecord(line: Int(lines[row]), event: event)
    }

    /// Every row as a record, in (t, line) order: the ``ActivityLog`` of the table.
    public var log: ActivityLog {
        ActivityLog(sorted: (0..<count).map(record(at:)))
    }

    /// Appends an event, interning its identifiers. Rows must be appended in (t, line) order
    /// unless the table is then ``sorted()``.
    mutating func append(_ event: ActivityEvent, line: Int) throws(CommunityError) {
        guard let line32 = Int32(exactly: line) else {
            throw CommunityError.invalidInput("line number \(line) does not fit in 32 bits", field: "line")
        }
        var member: Int32 = -1, object: Int32 = -1, target: Int32 = -1, extra: Int32 = -1
        var bits: UInt8 = 0
        var time = -Double.infinity
        switch event {
        case let .member(id, t, staff, bot):
            member = try memberIDs.intern(id)
            time = t.timeIntervalSince1970
            bits = (staff ? Flag.first : 0) | (bot ? Flag.second : 0)
        case let .role(id, t, staff):
            member = try memberIDs.intern(id)
            time = t.timeIntervalSince1970
            bits = staff ? Flag.first : 0
        case let .tag(tag, product):
            object = try tagIDs.intern(tag)
            bits = product ? Flag.first : 0
        case let .thread(id, author, t, space, kind, tags):
            member = try memberIDs.intern(author)
            object = try objectIDs.intern(id)
            time = t.timeIntervalSince1970
            target = try spaceIDs.intern(space)
            extra = Int32(threadCount)
            for tag in tags ?? [] { threadTags.append(try tagIDs.intern(tag)) }
            threadTagStart.append(Int32(threadTags.count))
            bits = (kind == .question ? Flag.first : 0) | (tags != nil ? Flag.second : 0)
        case let .reply(id, author, t, thread, parent):
            member = try memberIDs.intern(author)
            object = try objectIDs.intern(id)
            time = t.timeIntervalSince1970
            target = try objectIDs.intern(thread)
            if let parent { extra = try objectIDs.intern(parent) }
        case let .accept(author, t, thread, post):
            member = try memberIDs.intern(author)
            time = t.timeIntervalSince1970
            target = try objectIDs.intern(thread)
            object = try objectIDs.intern(post)
        case let .react(author, t, post), let .delete(author, t, post), let .flag(author, t, post):
            member = try memberIDs.intern(author)
            time = t.timeIntervalSince1970
            object = try objectIDs.intern(post)
        case let .rsvp(author, t, id), let .attend(author, t, id):
            member = try memberIDs.intern(author)
            time = t.timeIntervalSince1970
            object = try eventIDs.intern(id)
        case let .view(author, t, resource):
            member = try memberIDs.intern(author)
            time = t.timeIntervalSince1970
            object = try objectIDs.intern(resource)
        }
        kinds.append(ActivityKind(event))
        times.append(time)
        lines.append(line32)
        members.append(member)
        objects.append(object)
        targets.append(target)
        extras.append(extra)
        flags.append(bits)
    }

    /// The rows sorted by (t, line) (stable), with every dictionary renumbered in order of first
    /// appearance in that order, as if the rows had been appended sorted.
    func sorted() throws(CommunityError) -> ActivityTable {
        var inOrder = true
        for i in 1..<max(count, 1) where (times[i], lines[i]) < (times[i - 1], lines[i - 1]) {
            inOrder = false
            break
        }
        if inOrder { return self }
        let order = (0..<count).sorted { (times[$0], lines[$0], $0) < (times[$1], lines[$1], $1) }
        var out = ActivityTable()
        out.reserveCapacity(count)
        var memberMap = [Int32](repeating: -1, count: memberIDs.count)
        var objectMap = [Int32](repeating: -1, count: objectIDs.count)
        var eventMap = [Int32](repeating: -1, count: eventIDs.count)
        var spaceMap = [Int32](repeating: -1, count: spaceIDs.count)
        var tagMap = [Int32](repeating: -1, count: tagIDs.count)
        func map(_ old: Int32, _ table: inout [Int32], _ from: InternedStrings, _ to: inout InternedStrings) throws(CommunityError) -> Int32 {
            guard old >= 0 else { return old }
            if table[Int(old)] < 0 { table[Int(old)] = try to.intern(from[old]) }
            return table[Int(old)]
        }
        for row in order {
            let kind = kinds[row]
            var object = objects[row], target = targets[row], extra = extras[row]
            let member = try map(members[row], &memberMap, memberIDs, &out.memberIDs)
            switch kind {
            case .tag:
                object = try map(object, &tagMap, tagIDs, &out.tagIDs)
            case .thread:
                object = try map(object, &objectMap, objectIDs, &out.objectIDs)
                target = try map(target, &spaceMap, spaceIDs, &out.spaceIDs)
                for tag in tags(ofThread: Int(extra)) { out.threadTags.append(try map(tag, &tagMap, tagIDs, &out.tagIDs)) }
                extra = Int32(out.threadCount)
                out.threadTagStart.append(Int32(out.threadTags.count))
            case .reply:
                object = try map(object, &objectMap, objectIDs, &out.objectIDs)
                target = try map(target, &objectMap, objectIDs, &out.objectIDs)
                extra = try map(extra, &objectMap, objectIDs, &out.objectIDs)
            case .accept:
                target = try map(target, &objectMap, objectIDs, &out.objectIDs)
                object = try map(object, &objectMap, objectIDs, &out.objectIDs)
            case .react, .delete, .flag, .view:
                object = try map(object, &objectMap, objectIDs, &out.objectIDs)
            case .rsvp, .attend:
                object = try map(object, &eventMap, eventIDs, &out.eventIDs)
            case .member, .role:
                break
            }
            out.kinds.append(kind)
            out.times.append(times[row])
            out.lines.append(lines[row])
            out.members.append(member)
            out.objects.append(object)
            out.targets.append(target)
            out.extras.append(extra)
            out.flags.append(flags[row])
        }
        return out
    }
}
