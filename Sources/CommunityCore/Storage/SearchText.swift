import Foundation

/// Text normalization shared by every search index: lowercase, diacritics removed, split on
/// anything that is not a letter or digit. "Événement à Paris" → `["evenement", "a", "paris"]`.
public enum SearchText {
    /// The normalized words of `text`, in order, duplicates kept.
    ///
    /// Text made only of Latin scalars (up to U+024F, which covers English and the accented
    /// letters of Western European languages) takes a table-driven path that gives exactly the
    /// words ``fold(_:)`` and the split below give (the table is built from them, scalar by
    /// scalar); anything else goes through Foundation's folding.
    public static func tokens(of text: String) -> [String] {
        LatinFolding.tokens(of: text) ?? foldedTokens(of: text)
    }

    /// `text` lowercased with diacritics removed (`"Éloïse"` → `"eloise"`).
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// The words of ``fold(_:)``'s result, split on every character that is not a letter or digit.
    package static func foldedTokens(of text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
