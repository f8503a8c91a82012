import CommunityCore
import Foundation

/// The per-record updates of the streaming pass: flat arrays indexed by dense ids, no hashing
/// of strings.
extension EngineState {
    func inWindow(_ t: Double) -> Bool { t >= from && t < to }

    /// Grows every per-id array to the size of its dictionary (new ids start unjoined / not a post;
    /// the first growth in storage advised for huge pages: ``Swift/Array/grow(to:with:)``).
    mutating func growToNames() {
        let m = memberNames.count
        if m > members.count {
            members.grow(to: m, with: MemberState())
            memberSpices.grow(to: m)
            memberJoin.grow(to: m, with: .nan)
            memberFirstView.grow(to: m, with: .infinity)
            memberFirstReactOrRSVP.grow(to: m, with: .infinity)
            memberJoinLine.grow(to: m, with: 0)
            memberStartedThreadInWindow.grow(to: m, with: false)
            memberFirstPost.grow(to: m, with: .infinity)
            memberFirstPostStaff.grow(to: m, with: false)
            memberPostsInWindow.grow(to: m, with: 0)
            memberFirstPostIndex.grow(to: m, with: -1)
            memberSecondPost.grow(to: m, with: .infinity)
            memberRSVPInWindow.grow(to: m, with: false)
            memberLastPost.grow(to: m, with: -.infinity)
        }
        let o = objectNames.count
        if o > postLinks.count {
            postLinks.grow(to: o, with: PostLink())
            postTime.grow(to: o, with: .nan)
            postStaff.grow(to: o, with: false)
            postDeleted.grow(to: o, with: false)
            postFlags.grow(to: o, with: 0)
            postNextCandidate.grow(to: o, with: -1)
            viewTargets.grow(to: o, with: Self.uncomputedView)
        }
        let tags = tagNames.count - tagProduct.count
        if tags > 0, tagStride > 0 { leaveDenseTagWeights() }
        if tags > 0 {
            tagProduct.append(contentsOf: repeatElement(false, count: tags))
            tagWeight.append(contentsOf: repeatElement(0, count: tags))
            tagLetters.append(contentsOf: repeatElement(Self.unknownLetters, count: tags))
        }
        let events = eventNames.count - eventLetterCache.count
        if events > 0 { eventLetterCache.append(contentsOf: repeatElement(0, count: events)) }
        let spaces = spaceNames.count - spaceLetters.count
        if spaces > 0 { spaceLetters.append(contentsOf: repeatElement(Self.unknownLetters, count: spaces)) }
        activity.grow(members: memberNames.count, objects: objectNames.count)
    }

    /// The `member` line of `m`.
    mutating func join(_ m: Int, t: Double, line: Int, staff: Bool, bot: Bool) {
        members[m].joined = true
        memberJoin[m] = t
        memberJoinLine[m] = line
        members[m].bot = bot
        members[m].staff = staff
    }

    /// Creates post `p` (a thread root or a reply; `thread` is `orphan` for a reply to an unknown thread).
    mutating func addPost(_ p: Int, line: Int, author: Int, t: Double, thread: Int) throws(CommunityError) {
        if postLinks[p].thread != Self.notAPost {
            throw error(line, "post id \"\(objectNames[Int32(p)])\" is already used by an earlier thread or reply; post ids must be unique")
        }
        postLinks[p].thread = Int32(thread)
        postLinks[p].author = Int32(author)
        postTime[p] = t
        postStaff[p] = members[author].staff
    }

    /// §4 letters of an activity on a thread: configuration first, else keyword letters plus
    /// Support for question threads (views only once solved), else Engagement. `mutating` so
    /// that the row loop passes the state by reference (see ``joined(_:line:)``).
    mutating func threadLetters(_ th: Int, view: Bool, _ t: Double) -> UInt8 {
        if threads[th].spicesConfigured { return threads[th].spicesBase }
        var letters = threads[th].spicesBase
        if threads[th].question, !view || (threads[th].accepted >= 0 && threads[th].acceptTime <= t) {
            letters |= Spices.bit(.support)
        }
        return letters == 0 ? Spices.bit(.engagement) : letters
    }

    /// The SPICES base letters of a thread (configured, else keyword defaults; INSIGHTS.md §4),
    /// from ``Spices/letters(_:isTag:map:)`` computed once per space and per tag (the rules are
    /// unions over the space and the tags, so the per-name letters combine by OR).
    mutating func threadBaseLetters(space: Int, tags: ArraySlice<Int32>?) -> (UInt8, Bool) {
        if spaceLetters[space] == Self.unknownLetters {
            let (configured, defaults) = Spices.letters(spaceNames[Int32(space)], isTag: false, map: configuration.spicesMap)
            spaceLetters[space] = UInt16(configured) << 8 | UInt16(defaults)
        }
        var combined = spaceLetters[space]
        for k in tags ?? [] {
            let k = Int(k)
            if tagLetters[k] == Self.unknownLetters {
                let (configured, defaults) = Spices.letters(tagNames[Int32(k)], isTag: true, map: configuration.spicesMap)
                tagLetters[k] = UInt16(configured) << 8 | UInt16(defaults)
            }
            combined |= tagLetters[k]
        }
        let configured = UInt8(combined >> 8)
        return configured != 0 ? (configured, true) : (UInt8(combined & 0xFF), false)
    }

    mutating func eventLetters(_ e: Int) -> UInt8 {
        if eventLetterCache[e] == 0 {
            eventLetterCache[e] = Spices.eventLetters(eventNames[Int32(e)], map: configuration.spicesMap)
        }
        return eventLetterCache[e]
    }

    /// The letters of a view of `r`, which is not a thread's first post, as a resource.
    mutating func resourceLetters(_ r: Int) -> UInt8 {
        if viewTargets[r] == Self.uncomputedView {
            viewTargets[r] = Self.resourceView(Spices.resourceLetters(objectNames[Int32(r)], map: configuration.spicesMap))
        }
        return Self.resourceLetters(ofView: viewTargets[r])
    }

    /// Adds `weight` split evenly over `letters` to the member's profile and, inside the window
    /// and for non-staff members, to the community's shares. An accept (weight 0 here) earns §3's 8
    /// at report time, when it is known to be the final accept.
    mutating func spices(_ m: Int, _ t: Double, _ letters: UInt8, weight: Double) {
        guard !members[m].bot, weight > 0, letters != 0 else { return }
        let share = weight / Double(letters.nonzeroBitCount)
        let community = inWindow(t) && !members[m].staff
        var rest = letters
        while rest != 0 {
            let i = rest.trailingZeroBitCount
            rest &= rest - 1
            memberSpices.add(m, lane: i, share)
            if community { communitySpices[i] += share }
        }
    }

    /// §3's decay, 0.9^(age / 30 days), as e^(age · ln 0.9 / 30 days).
    ///
    /// `exp` of one product instead of `pow(0.9, age / 2,592,000)`: `pow` took a quarter of the
    /// activity section's time (it runs once per distinct time of a counted row, 6.7 M times at
    /// 10 M activities) and `exp` costs less than half as much. It is also closer to the exact
    /// value: the quotient `age / 2,592,000` that `pow` took is rounded, and `pow` magnifies that
    /// error by `age`'s exponent; here only the product is rounded (within about 1.3 ulp of the
    /// exact power over a year of ages, against about 2.8 for `pow`; `LoveDecayTests`).
    @inline(__always)
    static func decay(_ age: Double) -> Double {
        exp(age * decayRate)
    }

    /// ln(0.9) / (30 · 86,400 s), correctly rounded.
    static let decayRate = -0x1.5d2aa919e0de6p-25

    /// A reaction or RSVP by `m` at `t`: the first one's time (rows come in time order).
    mutating func firstReactOrRSVP(_ m: Int, _ t: Double) {
        guard !members[m].reactedOrRSVPed else { return }
        members[m].reactedOrRSVPed = true
        memberFirstReactOrRSVP[m] = t
    }

    /// A post (thread or reply) by `m` at `t`: first post and C8 counts.
    mutating func posted(_ m: Int, _ t: Double, post: Int) {
        if memberFirstPost[m] == .infinity {
            memberFirstPost[m] = t
            memberFirstPostStaff[m] = members[m].staff
            memberFirstPostIndex[m] = post
        } else if memberSecondPost[m] == .infinity {
            memberSecondPost[m] = t
        }
        memberLastPost[m] = t
        if inWindow(t), !members[m].staff, !members[m].bot { memberPostsInWindow[m] += 1 }
    }

    /// An engaged action (reaction, thread, reply; §0) by `m`: its weight split over the
    /// thread's tags (the activity side is ``ActivitySection/engaged(_:_:)``'s).
    mutating func engaged(_ m: Int, _ t: Double, thread: Int?, weight: Double) {
        guard !members[m].bot, !members[m].staff else { return }
        var tags = 0..<0
        if let thread { tags = Int(threadTagStart[thread])..<Int(threadTagStart[thread + 1]) }
        let share = weight / Double(tags.count)
        for i in tags { addTagWeight(m, Int(threadTagList[i]), share) }
        guard inWindow(t) else { return }
        for i in tags { tagWeight[Int(threadTagList[i])] += share }
    }

    /// Adds `weight` to the member's entry for tag `k`, creating it at the head of their list.
    mutating func addTagWeight(_ m: Int, _ k: Int, _ weight: Double) {
        if tagStride > 0 {
            if members[m].tagHead < 0 {
                members[m].tagHead = Int32(tagEntryWeight.count / tagStride)
                tagEntryWeight.append(contentsOf: repeatElement(0, count: tagStride))
            }
            tagEntryWeight[Int(members[m].tagHead) * tagStride + k] += weight
            return
        }
        var e = Int(members[m].tagHead)
        while e >= 0 {
            if Int(tagEntryTag[e]) == k {
                tagEntryWeight[e] += weight
                return
            }
            e = Int(tagEntryNext[e])
        }
        tagEntryTag.append(Int32(k))
        tagEntryNext.append(members[m].tagHead)
        tagEntryWeight.append(weight)
        members[m].tagHead = Int32(tagEntryTag.count - 1)
    }

    /// Turns the per-member blocks of tag weights into lists: a record consumed after a table may
    /// bring a tag the blocks have no room for.
    mutating func leaveDenseTagWeights() {
        let stride = tagStride, blocks = tagEntryWeight
        tagStride = 0
        tagEntryWeight = []
        for m in members.indices where members[m].tagHead >= 0 {
            let base = Int(members[m].tagHead) * stride
            members[m].tagHead = -1
            for k in 0..<stride where blocks[base + k] > 0 { addTagWeight(m, k, blocks[base + k]) }
        }
    }

    /// The member's block of engagement weights, indexed by tag, when weights are kept in blocks
    /// (`tagStride` > 0); empty if the member engaged with no tag. Every weight added is
    /// positive, so a zero is a tag the member never engaged with.
    func tagBlock(of m: Int) -> ArraySlice<Double> {
        guard members[m].tagHead >= 0 else { return [] }
        let base = Int(members[m].tagHead) * tagStride
        return tagEntryWeight[base..<(base + tagStride)]
    }

    /// The member's engagement weight per tag, by tag index, when weights are kept in lists
    /// (`tagStride` == 0).
    func tagWeights(of m: Int) -> [(tag: Int, weight: Double)] {
        var entries: [(tag: Int, weight: Double)] = []
        var e = Int(members[m].tagHead)
        while e >= 0 {
            entries.append((Int(tagEntryTag[e]), tagEntryWeight[e]))
            e = Int(tagEntryNext[e])
        }
        return entries.sorted { $0.tag < $1.tag }
    }

    /// (t, post id as bytes) order of posts.
    func postPrecedes(_ a: Int, _ b: Int) -> Bool {
        if postTime[a] != postTime[b] { return postTime[a] < postTime[b] }
        return ByteOrder.precedes(objectNames[Int32(a)], objectNames[Int32(b)])
    }

    /// §0 / Reading 8 first responses of thread `th`: the earliest undeleted candidate reply
    /// (by ``postPrecedes(_:_:)``), and the earliest written by staff and by a peer, in one walk
    /// of its candidate list.
    func firstResponses(of th: Int) -> ThreadResponses {
        var responses = ThreadResponses()
        func take(_ p: Int, _ best: inout Int32) {
            if best < 0 || postPrecedes(p, Int(best)) { best = Int32(truncatingIfNeeded: p) }
        }
        var p = Int(threadCandidateHead[th])
        while p >= 0 {
            defer { p = Int(postNextCandidate[p]) }
            guard !postDeleted[p] else { continue }
            take(p, &responses.first)
            if postStaff[p] { take(p, &responses.firstByStaff) } else { take(p, &responses.firstByPeer) }
        }
        return responses
    }

    /// The tags of thread `th` (distinct).
    func tags(of th: Int) -> ArraySlice<Int32> {
        threadTagList[Int(threadTagStart[th])..<Int(threadTagStart[th + 1])]
    }
}
