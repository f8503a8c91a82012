/// Cache prefetching for the main section's row loop.
///
/// Rows name members, posts and threads at random, so nearly every row's state is a cache miss
/// in arrays of tens of megabytes; one row waited on them one after the other. The loop knows
/// the rows to come, so it asks for their lines ahead, in three stages: what a row names
/// directly (far ahead), what those lines lead to (the thread of a post, a member's tag block),
/// and one level further (a thread's tag list). Hints only:
/// no value depends on them.
extension EngineState {
    static let farRows = 24
    static let middleRows = 14
    static let nearRows = 6

    /// The post a row is about: a reply's thread root, else its object.
    private static func post(_ kind: ActivityKind, object o: Int, target: Int) -> Int {
        switch kind {
        case .reply: target
        case .react, .accept, .delete, .flag: o
        default: -1
        }
    }

    /// Stage 1: the member's state and the post a row names (for a view, its ``viewTargets`` entry).
    mutating func prefetchFar(_ kind: ActivityKind, member m: Int, object o: Int, target: Int) {
        members.prefetch(m)
        memberSpices.prefetch(m)
        postLinks.prefetch(Self.post(kind, object: o, target: target))
        switch kind {
        case .member:
            memberJoin.prefetch(m)
            memberJoinLine.prefetch(m)
            return
        case .view:
            viewTargets.prefetch(o)
            return
        case .thread, .reply:
            break
        default:
            return
        }
        // A new post: its slots and its author's post times.
        postLinks.prefetch(o)
        postTime.prefetch(o)
        postStaff.prefetch(o)
        postNextCandidate.prefetch(o)
        memberFirstPost.prefetch(m)
        memberSecondPost.prefetch(m)
        memberLastPost.prefetch(m)
        memberPostsInWindow.prefetch(m)
    }

    /// Stage 2: the post's thread (and a reply's candidate list), the member's tag weights, an
    /// RSVP's or attendance's (member, event) slot.
    mutating func prefetchMiddle(_ kind: ActivityKind, member m: Int, object o: Int, target: Int) {
        if kind == .view {
            // A view of a thread reads the thread next.
            if o >= 0, o < viewTargets.count, viewTargets[o] >= 0 { threads.prefetch(Int(viewTargets[o])) }
            return
        }
        if kind == .rsvp || kind == .attend, m >= 0, o >= 0 { eventPairs.prefetch(m, o) }
        let post = Self.post(kind, object: o, target: target)
        guard post >= 0, post < postLinks.count else { return }
        let th = Int(postLinks[post].thread)
        threads.prefetch(th)
        guard kind == .react || kind == .reply else { return }
        threadTagStart.prefetch(th)
        if kind == .reply {
            // The first-response candidate list.
            threadAuthor.prefetch(th)
            threadT0.prefetch(th)
            threadCandidateHead.prefetch(th)
        }
        guard tagStride > 0, m >= 0, m < members.count, members[m].tagHead >= 0 else { return }
        tagEntryWeight.prefetch(Int(members[m].tagHead) * tagStride, count: tagStride)
    }

    /// Stage 3: the thread's tag list (a reaction's or a reply's).
    mutating func prefetchNear(_ kind: ActivityKind, object o: Int, target: Int) {
        guard kind != .view else { return }
        let post = Self.post(kind, object: o, target: target)
        guard post >= 0, post < postLinks.count, kind == .react || kind == .reply else { return }
        let th = Int(postLinks[post].thread)
        guard th >= 0, th + 1 < threadTagStart.count else { return }
        threadTagList.prefetch(Int(threadTagStart[th]))
    }
}
