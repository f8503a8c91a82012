import Foundation

/// The iterator of a ``Recurrence``: merges the rule's occurrences (bounded by `COUNT` and
/// `UNTIL`) with the `RDATE`s, drops the `EXDATE`s and duplicates, in ascending order.
public struct RecurrenceIterator: IteratorProtocol {
    private var expander: RuleExpander
    private var resolver: ZoneResolver
    private let isAllDay: Bool
    private let isUTC: Bool
    private let countLimit: Int
    private var produced = 0
    private let untilLocal: Int
    private let untilInstant: Int
    private var ruleDone: Bool
    private var pendingRule: Candidate?
    private let extras: [Candidate]
    private var extraIndex = 0
    private let excluded: Set<Int>
    private var lastInstant = Int.min
    private var lastRuleInstant = Int.min
    private var held: [Candidate] = []
    private var releaseBound = Int.min
    private var expanderDone = false

    /// A resolved time: wall-clock seconds as generated, instant, offset.
    private struct Candidate {
        var local: Int
        var instant: Int
        var offset: Int
    }

    init(_ series: Recurrence) {
        isAllDay = series.isAllDay
        isUTC = series.isUTC
        var resolver = ZoneResolver(timeZone: series.timeZone)
        var untilLocal = Int.max
        var untilInstant = Int.max
        switch series.rule?.until {
        case .utc(let value)?: untilInstant = value.localSeconds
        case .local(let value)?: untilLocal = value.localSeconds
        // A date reads as its midnight (as libical and python-dateutil read it): the last
        // occurrence of an all-day series, a bound before any time of that day otherwise.
        case .date(let value)?: untilLocal = value.startOfDay.localSeconds
        case nil: break
        }
        self.untilLocal = untilLocal
        self.untilInstant = untilInstant
        countLimit = series.rule?.count ?? Int.max
        // Without a rule the expander is a placeholder that is never asked.
        expander = RuleExpander(rule: series.rule ?? .placeholder, start: series.start)
        ruleDone = series.rule == nil
        var extras: [Candidate] = []
        func resolve(_ local: Int) -> Candidate {
            let (instant, offset) = resolver.resolve(local: local)
            return Candidate(local: local, instant: instant, offset: offset)
        }
        if series.rule == nil { extras.append(resolve(series.start.localSeconds)) }
        extras += series.rdates.map { resolve($0.localSeconds) }
        extras.sort { ($0.instant, $0.local) < ($1.instant, $1.local) }
        excluded = Set(series.exdates.map { resolve($0.localSeconds).instant })
        self.extras = extras
        self.resolver = resolver
    }

    /// The next occurrence, or `nil` when the series has ended.
    public mutating func next() -> Occurrence? {
        while true {
            if pendingRule == nil && !ruleDone { pendingRule = nextRuleCandidate() }
            let candidate: Candidate
            if let rule = pendingRule, extraIndex >= extras.count || rule.instant <= extras[extraIndex].instant {
                candidate = rule
                pendingRule = nil
            } else if extraIndex < extras.count {
                candidate = extras[extraIndex]
                extraIndex += 1
            } else {
                return nil
            }
            if candidate.instant == lastInstant || excluded.contains(candidate.instant) { continue }
            lastInstant = candidate.instant
            return makeOccurrence(candidate)
        }
    }

    /// The rule's next occurrence within COUNT and UNTIL, in instant order.
    ///
    /// Wall-clock candidates come in local order, which is instant order except around a DST
    /// gap: a time in the gap moves forward by the gap's length and may overtake later
    /// candidates (02:40 reads 03:40, after a real 03:10). Such shifted candidates wait in
    /// `held`, sorted by instant, until a candidate resolved without a shift proves that nothing
    /// earlier can follow; duplicates (02:30 moved to 03:30, and a real 03:30) count once.
    private mutating func nextRuleCandidate() -> Candidate? {
        while produced < countLimit {
            if !held.isEmpty, expanderDone || held[0].instant <= releaseBound {
                let candidate = held.removeFirst()
                if candidate.instant > untilInstant { break }
                if candidate.instant <= lastRuleInstant { continue }
                return count(candidate)
            }
            if expanderDone { break }
            guard let local = expander.next(), local <= untilLocal else {
                expanderDone = true
                continue
            }
            let (instant, offset) = resolver.resolve(local: local)
            let candidate = Candidate(local: local, instant: instant, offset: offset)
            let shifted = instant + offset != local
            if !shifted { releaseBound = instant }
            if held.isEmpty && !shifted {
                if instant > untilInstant { break }
                if instant <= lastRuleInstant { continue }
                return count(candidate)
            }
            let position = held.firstIndex { $0.instant > instant } ?? held.count
            held.insert(candidate, at: position)
        }
        ruleDone = true
        held = []
        return nil
    }

    @inline(__always)
    private mutating func count(_ candidate: Candidate) -> Candidate {
        lastRuleInstant = candidate.instant
        produced += 1
        return candidate
    }

    private func makeOccurrence(_ candidate: Candidate) -> Occurrence {
        let date = Date(timeIntervalSince1970: TimeInterval(candidate.instant))
        if resolver.isFloating {
            return Occurrence(local: LocalDateTime(localSeconds: candidate.local), date: date, utcOffset: nil,
                isAllDay: isAllDay)
        }
        let local = isAllDay ? candidate.local : candidate.instant + candidate.offset
        return Occurrence(local: LocalDateTime(localSeconds: local), date: date, utcOffset: candidate.offset,
            isAllDay: isAllDay, isUTC: isUTC)
    }
}
