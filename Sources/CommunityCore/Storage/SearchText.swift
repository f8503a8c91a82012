import Foundation

/// Text normalization shared by every search index: lowercase, diacritics removed, split on
/// anything that is not a letter or digit. "Événement à Paris" → `["evenement", "a", "paris"]`.
public enum SearchText {
    /// The normalized words of `text`, in order, duplicates kept.
    public static func tokens(of text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// `text` lowercased with diacritics removed (`"Éloïse"` → `"eloise"`).
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
