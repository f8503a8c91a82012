public import CommunityCore
public import Foundation

/// The community health report of one window: INSIGHTS.md's headline signals (A1, A2, A4) and
/// core health metrics (C1–C11), the §3 engagement score with the CRM records (A3 champions, top interests, §4 SPICES profile), each with its §5 benchmark verdict.
///
/// Undefined ratios (empty denominators) are `nil` and encode as JSON `null`, never 0
/// (Reading 11). ``jsonData()`` encodes the report with stable snake_case keys, sorted, nulls
/// explicit; `Documentation/Insights.md` documents every field.
///
/// ```swift
/// let log = try ActivityLogReader.read(contentsOf: url)
/// let report = try InsightsReport.compute(from: log)
/// print(report.peerAnswers.pas ?? .nan)
/// ```
public struct InsightsReport: Sendable, Hashable, Encodable {
    /// Version of the JSON layout; bumped on any breaking change of field names or meaning.
    public static let schemaVersion = 1

    /// `window`: the window and evaluation time.
    public let window: ReportWindow
    /// `volume`: raw counts for context.
    public let volume: ActivityVolume
    /// `peer_answers`: A1 peer answer share and companions.
    public let peerAnswers: PeerAnswerShare
    /// `member_initiated`: A2 member-initiated thread share.
    public let memberInitiated: MemberInitiatedShare
    /// `stickiness`: C1 DAU/MAU.
    public let stickiness: Stickiness
    /// `daily_engaged_users`: C2.
    public let dailyEngagedUsers: DailyEngagedUsers
    /// `first_response`: C4 time to first response.
    public let firstResponse: FirstResponseTimes
    /// `unanswered`: C5 unanswered and unsolved rates.
    public let unanswered: UnansweredThreads
    /// `new_contributors`: C6.
    public let newContributors: NewContributors
    /// `participation`: C8 participation inequality.
    public let participation: ParticipationInequality
    /// `topics`: A4 topic breadth.
    public let topics: TopicBreadth
    /// `retention`: C3 retention cohorts.
    public let retention: Retention
    /// `activity_times`: C9 heatmap and bursts.
    public let activityTimes: ActivityTimes
    /// `events_resources`: C11 events and resources.
    public let eventsResources: EventsAndResources
    /// `engagement`: §3 Love, Orbit levels, gravity and §4 community SPICES shares.
    public let engagement: EngagementLevels
    /// `champions`: A3 champions and emerging members.
    public let champions: ChampionSummary
    /// `inactive_at_risk`: C7.
    public let inactiveAtRisk: InactiveAndAtRisk
    /// `conversion`: C10 conversion ladder and monthly Orbit-level moves.
    public let conversion: Conversion
    /// `members`: the CRM record of every non-bot member, sorted by member id.
    public let members: [MemberInsight]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case window, volume
        case peerAnswers = "peer_answers"
        case memberInitiated = "member_initiated"
        case stickiness
        case dailyEngagedUsers = "daily_engaged_users"
        case firstResponse = "first_response"
        case unanswered
        case newContributors = "new_contributors"
        case participation, topics, retention
        case activityTimes = "activity_times"
        case eventsResources = "events_resources"
        case engagement, champions
        case inactiveAtRisk = "inactive_at_risk"
        case members, conversion
    }

    /// Encodes every section under its stable snake_case key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(window, forKey: .window)
        try c.encode(volume, forKey: .volume)
        try c.encode(peerAnswers, forKey: .peerAnswers)
        try c.encode(memberInitiated, forKey: .memberInitiated)
        try c.encode(stickiness, forKey: .stickiness)
        try c.encode(dailyEngagedUsers, forKey: .dailyEngagedUsers)
        try c.encode(firstResponse, forKey: .firstResponse)
        try c.encode(unanswered, forKey: .unanswered)
        try c.encode(newContributors, forKey: .newContributors)
        try c.encode(participation, forKey: .participation)
        try c.encode(topics, forKey: .topics)
        try c.encode(retention, forKey: .retention)
        try c.encode(activityTimes, forKey: .activityTimes)
        try c.encode(eventsResources, forKey: .eventsResources)
        try c.encode(engagement, forKey: .engagement)
        try c.encode(champions, forKey: .champions)
        try c.encode(inactiveAtRisk, forKey: .inactiveAtRisk)
        try c.encode(conversion, forKey: .conversion)
        try c.encode(members, forKey: .members)
    }

    /// The report as pretty-printed JSON with sorted keys and explicit nulls.
    /// - Returns: UTF-8 JSON.
    /// - Throws: ``CommunityError`` with code `storage` if encoding fails (it does not for
    ///   finite figures; a non-finite number would be reported this way).
    public func jsonData() throws(CommunityError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw CommunityError(.storage, "the insights report could not be encoded as JSON: \(error)")
        }
    }

    /// Computes the report of a whole log in one streaming pass.
    /// - Parameters:
    ///   - log: The parsed log (records in (t, line) order).
    ///   - window: The window; by default ``InsightsWindow/covering(_:)`` the log.
    ///   - configuration: Tunables; INSIGHTS.md's defaults if omitted.
    /// - Returns: The report, evaluated at the log's largest `t` (Reading 1).
    /// - Throws: ``CommunityError`` `invalidInput` if the log is empty and no window is given,
    ///   or a line is inconsistent (see ``InsightsEngine/consume(_:)``).
    public static func compute(
        from log: ActivityLog, window requested: InsightsWindow? = nil, configuration: InsightsConfiguration = InsightsConfiguration()
    ) throws(CommunityError) -> InsightsReport {
        let window: InsightsWindow
        if let given = requested { window = given } else { window = try InsightsWindow.covering(log) }
        let evaluation = log.evaluationTime ?? window.to
        var engine = InsightsEngine(window: window, evaluationTime: evaluation, configuration: configuration)
        for record in log.records { try engine.consume(record) }
        return engine.makeReport()
    }

    /// Computes the report over a columnar table: one streaming pass over its integer columns,
    /// the fastest way to report over activities already in memory.
    /// - Parameters:
    ///   - table: The activities (``ActivityLogReader/readTable(_:)`` or ``ActivityTable/init(_:)``).
    ///   - window: The window; by default ``InsightsWindow/covering(_:)-(ActivityTable)`` the table:
    ///     from the start of the UTC day of the earliest row to the start of the UTC day after the latest.
    ///   - configuration: Tunables; INSIGHTS.md's defaults if omitted.
    /// - Returns: The report, evaluated at the largest `t` (Reading 1); equal to
    ///   ``compute(from:window:configuration:)`` over ``ActivityTable/log``.
    /// - Throws: ``CommunityError`` `invalidInput` naming the line of the first inconsistent row
    ///   (see ``InsightsEngine/consume(_:)``); field `from` if the table has no timed row and no
    ///   window is given.
    public static func compute(
        from table: ActivityTable, window requested: InsightsWindow? = nil,
        configuration: InsightsConfiguration = InsightsConfiguration()
    ) throws(CommunityError) -> InsightsReport {
        let window: InsightsWindow
        if let requested { window = requested } else { window = try InsightsWindow.covering(table) }
        let engine = try InsightsEngine(
            table: table, window: window, evaluationTime: table.evaluationTime ?? window.to, configuration: configuration)
        return engine.makeReport()
    }

    /// Computes the report straight from exchange-format bytes in two passes, without keeping
    /// the decoded records: the first pass validates every line (all or nothing) and sorts a
    /// 32-byte key per line, the second re-parses the lines in (t, line) order into the engine.
    /// Use it for large exports; ``compute(from:window:configuration:)`` for a parsed log.
    /// - Parameters:
    ///   - data: UTF-8 JSON Lines.
    ///   - from: The window start; by default the start of the UTC day of the earliest line.
    ///   - to: The window end (exclusive); by default the start of the UTC day after the last line.
    ///   - configuration: Tunables; INSIGHTS.md's defaults if omitted.
    /// - Returns: The report, evaluated at the largest `t` (Reading 1).
    /// - Throws: ``CommunityError`` `invalidInput` naming the first bad line, exactly as
    ///   `ActivityLogReader.read(_:)` would; field `to` if the window is empty; field `from` if
    ///   the file has no timed line and no full window is given.
    public static func compute(
        importing data: Data, from: Date? = nil, to: Date? = nil,
        configuration: InsightsConfiguration = InsightsConfiguration()
    ) throws(CommunityError) -> InsightsReport {
        let index = try ActivityLogIndex(data)
        let start = from ?? index.earliest.map { Date(timeIntervalSince1970: Double(RFC3339.day($0.timeIntervalSince1970)) * 86_400) }
        let end = to ?? index.latest.map { Date(timeIntervalSince1970: Double(RFC3339.day($0.timeIntervalSince1970) + 1) * 86_400) }
        guard let start, let end else {
            throw CommunityError.invalidInput("the activity log has no timed record; pass both from and to", field: "from")
        }
        let window = try InsightsWindow(from: start, to: end)
        var engine = InsightsEngine(window: window, evaluationTime: index.latest ?? window.to, configuration: configuration)
        try index.forEach(in: data) { (record) throws(CommunityError) in try engine.consume(record) }
        return engine.makeReport()
    }
}
