/// The file formats of the CRM export (``CRMExport``).
public enum CRMFormat: String, Sendable, Hashable, CaseIterable {
    /// RFC 4180 CSV: a header row, CRLF line ends, nested lists `;`-joined in one cell.
    case csv
    /// JSON Lines: one JSON object per member, LF line ends, the report's `members[]` fields.
    case jsonLines = "jsonl"

    /// The format a file name's extension names: `.csv` or `.jsonl` (case-insensitive);
    /// `nil` for any other extension.
    /// - Parameter path: A file path or name.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "jsonl": self = .jsonLines
        default: return nil
        }
    }
}
