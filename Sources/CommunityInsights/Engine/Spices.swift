/// The default SPICES attribution rules of INSIGHTS.md §4, over identifiers and tags.
enum Spices {
    /// Bit i = `SpicesLetter.allCases[i]` (a switch: `allCases` is an array built per call, and
    /// threads ask for the Support and Engagement bits on every view, reaction and reply).
    static func bit(_ letter: SpicesLetter) -> UInt8 {
        switch letter {
        case .support: 1 << 0
        case .product: 1 << 1
        case .insight: 1 << 2
        case .content: 1 << 3
        case .engagement: 1 << 4
        case .success: 1 << 5
        case .acquisition: 1 << 6
        }
    }

    static func bits(_ letters: Set<SpicesLetter>) -> UInt8 {
        letters.reduce(0) { $0 | bit($1) }
    }

    static let productWords: Set<String> = ["idea", "ideas", "feedback", "bug", "bugs"]
    static let contentWords: Set<String> = ["guide", "guides", "tutorial", "tutorials"]
    static let successWords: Set<String> = ["learning", "onboarding"]

    /// The letters that one name of a thread contributes: (configured letters, keyword letters).
    /// A thread's base is the OR over its space and its tags: the configured letters of any of
    /// them (INSIGHTS.md §4) or, if none is configured, the keyword defaults (Product, Success;
    /// for a tag also Insight and Content). Support and Engagement are decided per activity.
    static func letters(_ name: String, isTag: Bool, map: [String: Set<SpicesLetter>]) -> (configured: UInt8, defaults: UInt8) {
        let configured = map[name].map(bits) ?? 0
        let word = name.lowercased()
        var letters: UInt8 = 0
        if productWords.contains(word) { letters |= bit(.product) }
        if isTag, word == "insight" { letters |= bit(.insight) }
        if isTag, contentWords.contains(word) { letters |= bit(.content) }
        if successWords.contains(word) { letters |= bit(.success) }
        return (configured, letters)
    }

    /// Letters of an RSVP or attendance: configuration, else `research`/`beta`/`interview` in the
    /// event id → Insight, `training`/`learning`/`onboarding` → Success, else Engagement.
    static func eventLetters(_ event: String, map: [String: Set<SpicesLetter>]) -> UInt8 {
        if !map.isEmpty, let letters = map[event], !letters.isEmpty { return bits(letters) }
        var letters: UInt8 = 0
        if mentions(event, anyOf: ["research", "beta", "interview"]) { letters |= bit(.insight) }
        if mentions(event, anyOf: ["training", "learning", "onboarding"]) { letters |= bit(.success) }
        return letters == 0 ? bit(.engagement) : letters
    }

    /// Letters of a view of a resource that is not a thread: configuration, else `learning`/
    /// `onboarding` in the id → Success, `guide`/`tutorial` → Content, else Engagement.
    static func resourceLetters(_ resource: String, map: [String: Set<SpicesLetter>]) -> UInt8 {
        if !map.isEmpty, let letters = map[resource], !letters.isEmpty { return bits(letters) }
        var letters: UInt8 = 0
        if mentions(resource, anyOf: ["learning", "onboarding"]) { letters |= bit(.success) }
        if mentions(resource, anyOf: ["guide", "tutorial"]) { letters |= bit(.content) }
        return letters == 0 ? bit(.engagement) : letters
    }

    /// Whether `id`, lowercased, contains one of `words` (lowercase ASCII keywords).
    ///
    /// An ASCII identifier, as nearly every one is, is searched byte by byte with `A`–`Z` folded
    /// (what `lowercased()` does to ASCII; a keyword of letters cannot start or end inside the
    /// only multi-byte ASCII character, CR LF), without the two strings `lowercased()` and
    /// `contains` allocate: this runs once per resource viewed, a million times at 10 million
    /// activities. Any other identifier takes `lowercased().contains`.
    static func mentions(_ id: String, anyOf words: [String]) -> Bool {
        var id = id
        let ascii = id.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return words.contains { word in
                var word = word
                return word.withUTF8 { needle in containsFoldingCase(bytes, needle) }
            }
        }
        if let ascii { return ascii }
        let lowered = id.lowercased()
        return words.contains(where: lowered.contains)
    }

    /// Whether `haystack` (ASCII) contains `needle` (lowercase ASCII, not empty) with `A`–`Z`
    /// of the haystack read as `a`–`z`.
    private static func containsFoldingCase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) {
            var i = 0
            while i < needle.count {
                var byte = haystack[start + i]
                if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                if byte != needle[i] { break }
                i += 1
            }
            if i == needle.count { return true }
        }
        return false
    }
}
