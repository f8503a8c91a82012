extension SearchText {
    /// The least string greater than every string starting with `prefix` (its last scalar
    /// incremented, skipping the surrogate range), or `nil` when there is none.
    ///
    /// In a binary collation of UTF-8 (SQLite's `BINARY`, PostgreSQL's `"C"`), which is scalar
    /// order, the words with that prefix are exactly `[prefix, bound)`: backends turn the last
    /// search term into such a range.
    package static func prefixUpperBound(_ prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }  // skip the surrogate range
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
        }
        return nil
    }
}
