extension MemoryTransaction: OverrideWriteTransaction {
    func overrides(of event: EventID) async throws -> [OccurrenceOverride] {
        (state.events.overrides[event] ?? [:]).values.sorted { $0.occurrence < $1.occurrence }
    }

    func upsert(_ override: OccurrenceOverride) async throws {
        guard state.events.events[override.eventID]?.communityID == override.communityID else {
            throw CommunityError.notFound("no event with id \(override.eventID) in this community", field: "event")
        }
        let old = state.events.overrides[override.eventID]?[override.occurrence]
        state.events.overrides[override.eventID, default: [:]][override.occurrence] = override
        record { [events = state.events] in events.overrides[override.eventID]?[override.occurrence] = old }
    }
}
