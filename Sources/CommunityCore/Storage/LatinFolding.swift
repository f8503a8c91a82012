/// The fast path of ``SearchText/tokens(of:)`` for Latin text: a table, built once from
/// ``SearchText/fold(_:)`` itself, of what each scalar below U+0250 folds to and whether each
/// folded scalar is part of a word (a letter or digit).
///
/// Folding and splitting act scalar by scalar on such text (no combining marks, which are above
/// U+02FF; no scalar that folds into a multi-scalar character), so folding the text equals
/// concatenating the folds of its scalars. Any other scalar makes the caller fall back.
enum LatinFolding {
    /// One scalar of a fold: the scalar, and whether it belongs to a word.
    struct Folded: Sendable {
        var scalar: Unicode.Scalar
        var isWord: Bool
    }

    /// The end of the table: scalars below it are covered.
    static let limit: UInt32 = 0x250

    /// For each scalar below ``limit``, its fold, or `nil` when the fold is not made of
    /// single-scalar characters (then the text takes the slow path).
    static let table: [[Folded]?] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        var folded: [Folded] = []
        for character in SearchText.fold(String(Character(scalar))) {
            let scalars = character.unicodeScalars
            guard scalars.count == 1, let only = scalars.first else { return nil }
            folded.append(Folded(scalar: only, isWord: character.isLetter || character.isNumber))
        }
        return folded
    }

    /// The words of `text`, or `nil` if it holds a scalar the table does not cover.
    static func tokens(of text: String) -> [String]? {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard scalar.value < limit, let folded = table[Int(scalar.value)] else { return nil }
            for part in folded {
                if part.isWord {
                    word.append(part.scalar)
                } else if !word.isEmpty {
                    tokens.append(String(word))
                    word = String.UnicodeScalarView()
                }
            }
        }
        if !word.isEmpty { tokens.append(String(word)) }
        return tokens
    }
}
