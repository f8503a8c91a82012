extension Validate {
    /// Validates and normalizes a member profile (handle lowered, names trimmed, interests lowered).
    public static func profile(_ profile: MemberProfile) throws -> MemberProfile {
        var result = profile
        result.handle = try handle(profile.handle)
        result.displayName = try name(profile.displayName, field: "displayName")
        result.bio = try text(profile.bio, field: "bio", max: 500)
        if let url = profile.avatarURL { try webURL(url, field: "avatarURL") }
        result.interests = try tags(profile.interests, field: "interests")
        return result
    }
}
