extension DiscussionReadTransaction {
    /// One ``readMarker(of:in:)`` per thread.
    public func readMarkers(of member: MemberID, in threads: [ThreadID]) async throws -> [ThreadID: ReadMarker] {
        var markers: [ThreadID: ReadMarker] = [:]
        for thread in threads {
            if let marker = try await readMarker(of: member, in: thread) { markers[thread] = marker }
        }
        return markers
    }
}
