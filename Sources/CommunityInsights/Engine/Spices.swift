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
