public import CommunityCore
public import Foundation

/// The cursor of the incremental CRM feed: for every member, a fingerprint of the record last
/// delivered to the CRM and the Love value delivered with it.
///
/// A nightly sync recomputes the report, calls ``changes(to:evaluationTime:policy:)`` with the
/// stored snapshot, sends ``CRMChanges/upserts`` and ``CRMChanges/removed`` to the CRM, then
/// stores ``CRMChanges/snapshot`` (``data()``/``init(data:)``, in a file or a database row).
///
/// **Why a snapshot rather than "members with a log record after the cursor".** Most record
/// fields are derived and move *without* a new line by the member: Love decays every day, the
/// Orbit level drops after 7, 30 or 90 quiet days, `at_risk` turns on after a quiet period,
/// champion status expires after its 14-day hold, and reactions *received* change a member's A3
/// reasons. A log cursor would miss all of these, and would also resend members whose record
/// did not change (a view that changes nothing). Comparing records catches exactly the changes,
/// whatever caused them. The price: the host stores the snapshot (≈ 40 bytes plus the id per
/// member, ~5 MB for 100 k members as JSON) and the sync needs the full report (the engine
/// recomputes from the whole log anyway).
///
/// **What counts as a change** (``Policy``): any change of `staff`, `orbit_level`, `champion`,
/// `emerging`, `top_interests`, the SPICES profile, `last_active_at`, `at_risk`,
/// `first_post_at`, `accepted_answers`, `peer_first_responses`; a change of a champion reason's
/// verdict (the reason's text before its first comma or digit, e.g. `met: presence`) — the
/// figures inside reasons move daily and are sent with the next real change; and a Love change
/// beyond the tolerance relative to the Love *last delivered* (so slow decay accumulates and is
/// sent once it passes the tolerance, instead of every night). `topic_entropy` is not part of
/// the CRM record (it is normalised by the community's tag count, so one new tag would move it
/// for every member). A member absent from the snapshot is *added*; a snapshot member absent
/// from the records is *removed*.
///
/// ```swift
/// let old = try stored.map(CRMSnapshot.init(data:)) ?? CRMSnapshot()
/// let delta = old.changes(to: report)
/// try await crm.upsert(delta.upserts); try await crm.delete(delta.removed)
/// try save(delta.snapshot.data())
/// ```
public struct CRMSnapshot: Sendable, Hashable {
    /// The layout version of ``data()``.
    public static let formatVersion = 1

    /// What counts as a change worth sending.
    public struct Policy: Sendable, Hashable {
        /// Love changed when |new − delivered| > `loveTolerance` × max(|delivered|, 1); 0 sends every change.
        public var loveTolerance: Double
        /// Compare champion reasons with their figures (`true`) or by verdict only (`false`, default).
        public var reasonFigures: Bool

        /// Creates a policy.
        /// - Parameters:
        ///   - loveTolerance: Relative Love tolerance (default 0.05, i.e. 5%).
        ///   - reasonFigures: Whether reason figures alone make a change (default `false`).
        public init(loveTolerance: Double = 0.05, reasonFigures: Bool = false) {
            self.loveTolerance = loveTolerance
            self.reasonFigures = reasonFigures
        }
    }

    struct Entry: Sendable, Hashable {
        var fingerprint: UInt64
        var love: Double
    }

    /// The evaluation time of the report the snapshot was taken from; `nil` for the empty snapshot.
    public let evaluationTime: Date?
    var entries: [String: Entry]

    /// The empty snapshot: the first sync sends every member as added.
    public init() {
        evaluationTime = nil
        entries = [:]
    }

    /// A snapshot of records as delivered in full (for example after an initial full export).
    /// - Parameters:
    ///   - members: The records delivered.
    ///   - evaluationTime: Their evaluation time.
    ///   - policy: The policy whose fingerprint is stored (``Policy/reasonFigures``).
    public init(_ members: some Sequence<MemberInsight>, evaluationTime: Date?, policy: Policy = Policy()) {
        self.evaluationTime = evaluationTime
        var entries: [String: Entry] = [:]
        for m in members { entries[m.member] = Entry(fingerprint: Self.fingerprint(m, policy), love: m.love) }
        self.entries = entries
    }

    init(evaluationTime: Date?, entries: [String: Entry]) {
        self.evaluationTime = evaluationTime
        self.entries = entries
    }

    /// Members in the snapshot.
    public var count: Int { entries.count }

    /// Whether the member is in the snapshot.
    /// - Parameter member: A member id.
    public func contains(_ member: String) -> Bool { entries[member] != nil }

    /// Compares current records with the snapshot.
    /// - Parameters:
    ///   - members: Every current record (a member left out is reported as removed), ids unique.
    ///   - evaluationTime: Their evaluation time, stored in the new snapshot.
    ///   - policy: What counts as a change; use the same policy every night.
    /// - Returns: Added, changed and removed members and the snapshot to store after delivery. An
    ///   unchanged member keeps the Love last delivered in the new snapshot.
    public func changes(
        to members: some Sequence<MemberInsight>, evaluationTime: Date?, policy: Policy = Policy()
    ) -> CRMChanges {
        var added: [MemberInsight] = [], changed: [MemberInsight] = []
        var unchanged = 0
        var next: [String: Entry] = [:]
        next.reserveCapacity(entries.count)
        for m in members {
            let entry = Entry(fingerprint: Self.fingerprint(m, policy), love: m.love)
            guard let old = entries[m.member] else {
                added.append(m)
                next[m.member] = entry
                continue
            }
            let loveMoved = abs(m.love - old.love) > policy.loveTolerance * max(abs(old.love), 1)
                || (m.love.isNaN != old.love.isNaN)
            if old.fingerprint != entry.fingerprint || loveMoved {
                changed.append(m)
                next[m.member] = entry
            } else {
                unchanged += 1
                next[m.member] = old
            }
        }
        let removed = entries.keys.filter { next[$0] == nil }
        func byID(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        return CRMChanges(
            added: added.sorted { byID($0.member, $1.member) }, changed: changed.sorted { byID($0.member, $1.member) },
            removed: removed.sorted(by: byID), unchangedCount: unchanged,
            snapshot: CRMSnapshot(evaluationTime: evaluationTime, entries: next))
    }

    /// Compares a report's members with the snapshot.
    /// - Parameters:
    ///   - report: The current report.
    ///   - policy: What counts as a change.
    /// - Returns: See ``changes(to:evaluationTime:policy:)``.
    public func changes(to report: InsightsReport, policy: Policy = Policy()) -> CRMChanges {
        changes(to: report.members, evaluationTime: report.window.evaluationTime, policy: policy)
    }

    // MARK: Fingerprint

    /// FNV-1a 64 over the record's CRM cells except Love (stable across processes and platforms,
    /// unlike `Hasher`), reasons reduced to their verdicts unless the policy keeps figures.
    static func fingerprint(_ m: MemberInsight, _ policy: Policy) -> UInt64 {
        var reduced = m
        if !policy.reasonFigures {
            reduced = MemberInsight(
                member: m.member, staff: m.staff, love: m.love, orbitLevel: m.orbitLevel, champion: m.champion,
                emerging: m.emerging, championReasons: m.championReasons.map(verdict), topInterests: m.topInterests,
                spicesProfile: m.spicesProfile, lastActiveAt: m.lastActiveAt, atRisk: m.atRisk,
                firstPostAt: m.firstPostAt, acceptedAnswers: m.acceptedAnswers, peerFirstResponses: m.peerFirstResponses)
        }
        var bytes: [UInt8] = []
        CRMRowEncoder.append(reduced, format: .jsonLines, into: &bytes, love: false)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A reason without its figures: the text before its first comma or digit.
    static func verdict(_ reason: String) -> String {
        String(reason.prefix { $0 != "," && !("0"..."9").contains($0) })
    }

    // MARK: Storage

    /// The snapshot as compact JSON: `{"version":1,"evaluation_time":…,"members":{"id":["fingerprint hex",love],…}}`.
    /// - Returns: UTF-8 JSON.
    public func data() -> Data {
        var out = "{\"version\":\(Self.formatVersion),\"evaluation_time\":"
        out += evaluationTime.map { CRMRowEncoder.jsonString(RFC3339.format($0)) } ?? "null"
        out += ",\"members\":{"
        for (index, id) in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            guard let entry = entries[id] else { continue }
            if index > 0 { out += "," }
            out += CRMRowEncoder.jsonString(id) + ":[\"" + String(entry.fingerprint, radix: 16) + "\","
            out += (entry.love.isFinite ? "\(entry.love)" : "0") + "]"
        }
        return Data((out + "}}").utf8)
    }

    /// Reads a snapshot written by ``data()``.
    /// - Parameter data: The stored bytes.
    /// - Throws: ``CommunityError`` `invalidInput` (field `snapshot`) if the bytes are not a
    ///   snapshot or come from another format version; start again from ``init()`` then.
    public init(data: Data) throws(CommunityError) {
        func bad(_ why: String) -> CommunityError {
            CommunityError.invalidInput("not a CRM snapshot: \(why); start again from an empty CRMSnapshot()", field: "snapshot")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw bad("the bytes are not JSON")
        }
        guard let root = object as? [String: Any] else { throw bad("the JSON is not an object") }
        guard let version = root["version"] as? Int, version == Self.formatVersion else {
            throw bad("version \(root["version"].map { "\($0)" } ?? "missing"), expected \(Self.formatVersion)")
        }
        var time: Date?
        if let text = root["evaluation_time"] as? String {
            guard let parsed = RFC3339.parse(text) else { throw bad("evaluation_time \(text) is not RFC 3339") }
            time = parsed
        }
        guard let members = root["members"] as? [String: Any] else { throw bad("members is missing") }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(members.count)
        for (id, value) in members {
            guard let pair = value as? [Any], pair.count == 2, let hex = pair[0] as? String,
                  let fingerprint = UInt64(hex, radix: 16), let love = (pair[1] as? NSNumber)?.doubleValue
            else { throw bad("the entry of member \(id) is malformed") }
            entries[id] = Entry(fingerprint: fingerprint, love: love)
        }
        self.init(evaluationTime: time, entries: entries)
    }
}
