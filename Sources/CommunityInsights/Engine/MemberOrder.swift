/// The members who are not bots in the byte order of their ids, with C7 (inactive contributors,
/// at-risk members) and A3's engaged MAU: what the member analytics need that depends on neither
/// the first responses nor the accepted answers, so that it can be computed beside them.
struct MemberOrder: Sendable {
    /// The members who are not bots in the byte order of their ids, each with its position in
    /// the list by index.
    let humansByID: [(member: Int, position: Int)]
    /// C7: contributors of the window whose last post is more than 90 days before E.
    let inactiveContributors: Int
    /// C7: the quiet period in days.
    let quiet: Int
    /// C7: the at-risk members.
    let atRisk: Set<Int>
    /// A3: members neither bots nor staff engaged in the 30 days before E.
    let engagedMau: Int
}
