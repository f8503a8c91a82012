import CommunityTesting
import CommunityCore
import Foundation

/// Post bodies and titles: mixed French and English words (accents included) drawn with a Zipf
/// law (s = 1) over a shuffled vocabulary, as natural text is. Bodies are 40–800 characters,
/// about 300 on average; 5% mention one or two members (`@m123`), within the length.
struct TextGenerator: Sendable {
    static let french = """
        événement communauté membre réponse idée partage café déjà élève été première équipe sécurité réunion accès créer \
        développeur intégration problème système données mise à jour très après où ça voilà fenêtre tâche hôte forêt château \
        naïf noël coïncidence garçon français leçon reçu façon déploiement expérience bibliothèque mémoire requête paramètre \
        réseau sûr bientôt côté intérêt qualité débutant désolé général précis rapidité vérifier modèle écran étape numéro \
        évolution télécharger connexion serveur client produit fonctionnalité merci bonjour question solution projet document \
        version nouvelle ancienne demande besoin aide essayer marche pourquoi comment quand avec sans pour dans sur mais donc \
        alors aussi encore toujours jamais vraiment peut être faire avoir voir savoir utiliser trouver semaine année mois \
        journée soirée atelier conférence webinaire inscription adhésion retour avis conseil exemple erreur facture abonnement \
        tarif compte profil réglages notification courriel lien page recherche résultat filtre liste tableau graphique rapport \
        santé croissance engagement fidélité ambassadeur
        """
    static let english = """
        event community member answer thanks webinar feedback idea share growth support release feature issue bug fix update \
        deploy server swift database query index search cache latency throughput thread reply post space channel forum meetup \
        workshop talk slides recording replay schedule calendar invite join leave role admin moderator guest owner badge points \
        reward champion onboarding welcome hello team customer partner pricing plan trial account login password token \
        integration webhook export import report dashboard metric retention churn health score roadmap beta preview stable \
        migration backup restore performance memory storage network timeout error warning crash log trace monitor alert the \
        and with for from about this that what when where why how really great awesome quick simple better faster new old \
        first last next week month today tomorrow yesterday maybe please help need try work works working use using make \
        build test review merge guide tutorial
        """

    /// The vocabulary in frequency order (rank 0 most frequent).
    let words: [String]
    private let zipf: Zipf

    init(rng: inout SplitMix64) {
        var words = Array(Set((Self.french + " " + Self.english).split(separator: " ").map(String.init))).sorted()
        for i in stride(from: words.count - 1, to: 0, by: -1) { words.swapAt(i, rng.below(i + 1)) }
        self.words = words
        zipf = Zipf(count: words.count, exponent: 1.0)
    }

    func word(_ rng: inout SplitMix64) -> String { words[zipf.sample(&rng)] }

    func title(_ rng: inout SplitMix64, question: Bool) -> String {
        let count = 3 + rng.below(6)
        var title = (0..<count).map { _ in word(&rng) }.joined(separator: " ")
        title = title.prefix(1).uppercased() + title.dropFirst()
        return question ? title + " ?" : title
    }

    func body(_ rng: inout SplitMix64, members: Int) -> String {
        let length = 40 + Int(760 * pow(rng.unit(), 1.92))
        var words: [String] = []
        var characters = -1  // the separators between words
        var sentence = 0
        var mentions = rng.unit() < 0.05 ? 1 + rng.below(2) : 0
        func append(_ word: String) {
            words.append(word)
            characters += word.count + 1
        }
        while characters < length {
            if mentions > 0 && (rng.unit() < 0.1 || characters + 12 >= length) {
                append("@m\(rng.below(members))")
                mentions -= 1
                continue
            }
            var word = word(&rng)
            if sentence == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            sentence += 1
            if sentence > 6 && rng.unit() < 0.15 {
                word += "."
                sentence = 0
            }
            guard characters + word.count + 1 <= 800 else { break }
            append(word)
        }
        return words.joined(separator: " ")
    }

    /// The members a generated body mentions (its `@m123` words), in order.
    static func mentions(in body: String) -> [Int] {
        body.split(separator: " ").compactMap { $0.hasPrefix("@m") ? Int($0.dropFirst(2)) : nil }
    }

    /// A two-word query: mid-frequency words, typed without accents (folded) and in lower case,
    /// the last one as a prefix of what the user is typing (every search backend treats the
    /// last term as a prefix).
    func query(_ rng: inout SplitMix64) -> String {
        // Mid-frequency words of at least four letters (a one-letter prefix would match half the vocabulary).
        let candidates = words[min(20, words.count)..<min(150, words.count)].map(SearchText.fold).filter { $0.count >= 4 }
        let first = candidates[rng.below(candidates.count)]
        var second = first
        while second == first { second = candidates[rng.below(candidates.count)] }
        if second.count > 4 { second = String(second.prefix(second.count - 1)) }
        return first + " " + second
    }
}
