/// The default SPICES attribution rules of INSIGHTS.md §4, over identifiers and tags.
enum Spices {
    static func bit(_ letter: SpicesLetter) -> UInt8 {
        UInt8(1) << UInt8(SpicesLetter.allCases.firstIndex(of: letter) ?? 4)
    }

    static func bits(_ letters: Set<SpicesLetter>) -> UInt8 {
        letters.reduce(0) { $0 | bit($1) }
    }

    static let productWords: Set<String> = ["idea", "ideas", "feedback", "bug", "bugs"]
    static let contentWords: Set<String> = ["guide", "guides", "tutorial", "tutorials"]
    static let successWords: Set<String> = ["learning", "onboarding"]

    /// Letters of a thread from configuration (space, tags) or, if none is configured, from the
    /// keyword defaults (Product, Insight, Content, Success); Support and Engagement are decided
    /// per activity.
    static func threadBase(space: String, tags: [String], map: [String: Set<SpicesLetter>]) -> (UInt8, Bool) {
        var configured: UInt8 = 0
        for key in [space] + tags { if let letters = map[key] { configured |= bits(letters) } }
        if configured != 0 { return (configured, true) }
        let words = Set(([space] + tags).map { $0.lowercased() })
        var letters: UInt8 = 0
        if !words.isDisjoint(with: productWords) { letters |= bit(.product) }
        if tags.contains(where: { $0.lowercased() == "insight" }) { letters |= bit(.insight) }
        if !Set(tags.map { $0.lowercased() }).isDisjoint(with: contentWords) { letters |= bit(.content) }
        if !words.isDisjoint(with: successWords) { letters |= bit(.success) }
        return (letters, false)
    }

    /// The share of ``threadBase(space:tags:map:)`` that a thread's space contributes:
    /// (configured letters, keyword letters). A thread's base is the OR over its space and tags.
    static func letters(space: String, map: [String: Set<SpicesLetter>]) -> (configured: UInt8, defaults: UInt8) {
        let configured = map[space].map(bits) ?? 0
        let word = space.lowercased()
        var letters: UInt8 = 0
        if productWords.contains(word) { letters |= bit(.product) }
        if successWords.contains(word) { letters |= bit(.success) }
        return (configured, letters)
    }

    /// The share of ``threadBase(space:tags:map:)`` that one of a thread's tags contributes.
    static func letters(tag: String, map: [String: Set<SpicesLetter>]) -> (configured: UInt8, defaults: UInt8) {
        let configured = map[tag].map(bits) ?? 0
        let word = tag.lowercased()
        var letters: UInt8 = 0
        if productWords.contains(word) { letters |= bit(.product) }
        if word == "insight" { letters |= bit(.insight) }
        if contentWords.contains(word) { letters |= bit(.content) }
        if successWords.contains(word) { letters |= bit(.success) }
        return (configured, letters)
    }

    /// Letters of an RSVP or attendance: configuration, else `research`/`beta`/`interview` in the
    /// event id → Insight, `training`/`learning`/`onboarding` → Success, else Engagement.
    static func eventLetters(_ event: String, map: [String: Set<SpicesLetter>]) -> UInt8 {
        if let letters = map[event], !letters.isEmpty { return bits(letters) }
        let id = event.lowercased()
        var letters: UInt8 = 0
        if ["research", "beta", "interview"].contains(where: id.contains) { letters |= bit(.insight) }
        if ["training", "learning", "onboarding"].contains(where: id.contains) { letters |= bit(.success) }
        return letters == 0 ? bit(.engagement) : letters
    }

    /// Letters of a view of a resource that is not a thread: configuration, else `learning`/
    /// `onboarding` in the id → Success, `guide`/`tutorial` → Content, else Engagement.
    static func resourceLetters(_ resource: String, map: [String: Set<SpicesLetter>]) -> UInt8 {
        if let letters = map[resource], !letters.isEmpty { return bits(letters) }
        let id = resource.lowercased()
        var letters: UInt8 = 0
        if ["learning", "onboarding"].contains(where: id.contains) { letters |= bit(.success) }
        if ["guide", "tutorial"].contains(where: id.contains) { letters |= bit(.content) }
        return letters == 0 ? bit(.engagement) : letters
    }
}
