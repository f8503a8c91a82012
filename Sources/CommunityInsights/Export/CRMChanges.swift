
/// The result of ``CRMSnapshot/changes(to:evaluationTime:policy:)``: what to send to the CRM
/// since the stored snapshot, and the snapshot to store once it is delivered.
public struct CRMChanges: Sendable, Hashable {
    /// Members absent from the old snapshot, sorted by member id.
    public let added: [MemberInsight]
    /// Members whose record changed (see ``CRMSnapshot``), sorted by member id.
    public let changed: [MemberInsight]
    /// Ids in the old snapshot with no record now (erased members, members reclassified as bots),
    /// sorted; the CRM should delete or archive them.
    public let removed: [String]
    /// Members in both with no change worth sending.
    public let unchangedCount: Int
    /// The new cursor: store it only after `added`, `changed` and `removed` reached the CRM, so a
    /// failed delivery is simply recomputed the next night (at-least-once).
    public let snapshot: CRMSnapshot

    /// `added` then `changed`, for one upsert batch (e.g. ``CRMExport/write(_:format:chunkSize:to:)``).
    public var upserts: [MemberInsight] { added + changed }

    /// Whether there is nothing to send.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
}
