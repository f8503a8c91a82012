public import CommunityCore
public import Foundation

/// The §3 CRM feed: one record per member (``MemberInsight``) as RFC 4180 CSV or JSON Lines,
/// written row by row into a sink so that 100 k+ members never exist as one string in memory.
///
/// **Columns** (CSV header and JSON keys, in this order; see ``columns``): `member`, `staff`,
/// `love`, `orbit_level`, `champion`, `emerging`, `champion_reasons`, `top_interests`,
/// `spices_support`, `spices_product`, `spices_insight`, `spices_content`,
/// `spices_engagement`, `spices_success`, `spices_acquisition`, `last_active_at`, `at_risk`,
/// `first_post_at`, `accepted_answers`, `peer_first_responses`. The SPICES profile is flattened
/// into seven number columns, so a CRM can map each to a field. `topic_entropy` stays in the
/// JSON report only: it is normalised by the community's tag count, so a new tag anywhere would
/// change every member's record (see ``CRMSnapshot``).
///
/// **CSV** (RFC 4180): UTF-8 without BOM, CRLF after every row including the last, a header row;
/// a field holding `,`, `"`, CR or LF is enclosed in double quotes with inner quotes doubled.
/// `null` is an empty cell; booleans are `true`/`false`; numbers use the shortest form that
/// reads back to the same `Double` (`12.5`, `1e-05`); times are RFC 3339 UTC. Lists
/// (`champion_reasons`, `top_interests`) are one cell: items joined by `;`, an item's own `\`
/// written `\\` and its own `;` written `\;` (an empty list is an empty cell).
///
/// **JSON Lines**: one object per member with the same keys in the same order, LF after each
/// line, lists as JSON arrays, `null` explicit, no header. Its values equal the report's
/// `members[]` JSON except that `spices_profile` is flattened like the CSV and `topic_entropy` is left out.
///
/// ```swift
/// let handle = try FileHandle(forWritingTo: url)
/// try CRMExport.write(report.members, format: .csv, to: handle)
/// // or any sink, e.g. an HTTP response body:
/// try CRMExport.write(report.members, format: .jsonLines) { chunk in body.append(chunk) }
/// ```
///
/// Spreadsheet caveat: cells are written verbatim (RFC 4180 round-trips them); a host that
/// opens the CSV in a spreadsheet and lets members choose tags or ids starting with `=`, `+`,
/// `-` or `@` should sanitize them before export (CSV formula injection).
public enum CRMExport {
    /// The column names (CSV header) and JSON keys, in output order.
    public static let columns: [String] = [
        "member", "staff", "love", "orbit_level", "champion", "emerging", "champion_reasons", "top_interests",
        "spices_support", "spices_product", "spices_insight", "spices_content",
        "spices_engagement", "spices_success", "spices_acquisition", "last_active_at", "at_risk",
        "first_post_at", "accepted_answers", "peer_first_responses",
    ]

    /// The default size of the chunks handed to a sink (64 KiB; a chunk exceeds it by at most one row).
    public static let defaultChunkSize = 65_536

    /// The text before the first record: the CSV header row (with CRLF), nothing for JSON Lines.
    /// - Parameter format: The format.
    public static func header(_ format: CRMFormat) -> String {
        switch format {
        case .csv: columns.joined(separator: ",") + "\r\n"
        case .jsonLines: ""
        }
    }

    /// One member's row, with its line end (CRLF for CSV, LF for JSON Lines).
    /// - Parameters:
    ///   - member: The record.
    ///   - format: The format.
    public static func row(_ member: MemberInsight, format: CRMFormat) -> String {
        var bytes: [UInt8] = []
        CRMRowEncoder.append(member, format: format, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The whole export as a lazy sequence of strings: the header (CSV only), then one row per member.
    /// Nothing is computed before it is iterated.
    /// - Parameters:
    ///   - members: The records, in output order (``InsightsReport/members`` is sorted by member id).
    ///   - format: The format.
    public static func rows<Members: Sequence<MemberInsight>>(
        _ members: Members, format: CRMFormat
    ) -> some Sequence<String> {
        let head = header(format)
        return sequence(state: (headerPending: !head.isEmpty, rest: members.makeIterator())) { state -> String? in
            if state.headerPending {
                state.headerPending = false
                return head
            }
            return state.rest.next().map { row($0, format: format) }
        }
    }

    /// Writes the export into a sink in chunks of about `chunkSize` bytes, row by row: memory
    /// stays bounded by one chunk whatever the number of members.
    /// - Parameters:
    ///   - members: The records, in output order; any sequence, so it may be produced lazily.
    ///   - format: The format.
    ///   - chunkSize: The chunk size in bytes (a chunk holds whole rows and exceeds it by at most one row).
    ///   - sink: Receives the UTF-8 chunks in order; the export stops at its first error.
    /// - Throws: What `sink` throws.
    public static func write<Members: Sequence<MemberInsight>, Failure: Error>(
        _ members: Members, format: CRMFormat, chunkSize: Int = defaultChunkSize,
        to sink: (Data) throws(Failure) -> Void
    ) throws(Failure) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        buffer.append(contentsOf: header(format).utf8)
        for member in members {
            CRMRowEncoder.append(member, format: format, into: &buffer)
            if buffer.count >= chunkSize {
                try sink(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink(Data(buffer)) }
    }

    /// Writes the export into an async sink (an HTTP response body, an upload), chunk by chunk.
    /// - Parameters:
    ///   - members: The records, in output order.
    ///   - format: The format.
    ///   - chunkSize: The chunk size in bytes.
    ///   - sink: Receives the UTF-8 chunks in order.
    /// - Throws: What `sink` throws.
    public static func write<Members: Sequence<MemberInsight>>(
        _ members: Members, format: CRMFormat, chunkSize: Int = defaultChunkSize,
        to sink: (Data) async throws -> Void
    ) async throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        buffer.append(contentsOf: header(format).utf8)
        for member in members {
            CRMRowEncoder.append(member, format: format, into: &buffer)
            if buffer.count >= chunkSize {
                try await sink(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try await sink(Data(buffer)) }
    }

    /// Writes the export to an open file handle, at its current offset, chunk by chunk.
    /// - Parameters:
    ///   - members: The records, in output order.
    ///   - format: The format.
    ///   - handle: A handle open for writing (the caller closes it).
    /// - Throws: ``CommunityError`` `storage` if a write fails (disk full, closed handle).
    public static func write<Members: Sequence<MemberInsight>>(
        _ members: Members, format: CRMFormat, to handle: FileHandle
    ) throws(CommunityError) {
        try write(members, format: format) { (chunk: Data) throws(CommunityError) in
            do {
                try handle.write(contentsOf: chunk)
            } catch {
                throw CommunityError(.storage, "the CRM export could not be written: \(error.localizedDescription)")
            }
        }
    }

    /// Writes the export to a file, creating or truncating it.
    /// - Parameters:
    ///   - members: The records, in output order.
    ///   - url: The file; the format is the caller's choice (see ``CRMFormat/init(path:)``).
    ///   - format: The format.
    /// - Throws: ``CommunityError`` `storage` if the file cannot be created or written.
    public static func write<Members: Sequence<MemberInsight>>(
        _ members: Members, format: CRMFormat, toFile url: URL
    ) throws(CommunityError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CommunityError(.storage, "cannot create \(url.path)", field: "path")
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw CommunityError(.storage, "cannot open \(url.path): \(error.localizedDescription)", field: "path")
        }
        defer { try? handle.close() }
        try write(members, format: format, to: handle)
    }
}
