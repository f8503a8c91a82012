public import Foundation

/// The notification inbox a store offers. Discussions and events both notify, so both of their
/// storage protocols refine this one.
public protocol InboxReadTransaction: StoreReadTransaction {
    /// A page of the member's inbox, newest first, strictly older than `before`.
    func inbox(of member: MemberID, before: InboxItemID?, unreadOnly: Bool, limit: Int) async throws -> [InboxItem]
    /// The inbox item, if it is the member's.
    func inboxItem(_ id: InboxItemID, of member: MemberID) async throws -> InboxItem?
    /// How many inbox items the member has not read.
    func unreadInboxCount(of member: MemberID) async throws -> Int
}

/// The inbox writes a store offers.
public protocol InboxWriteTransaction: StoreWriteTransaction, InboxReadTransaction {
    /// Stores an inbox item.
    func insert(_ item: InboxItem) async throws
    /// Replaces an inbox item (to mark it read). Throws `notFound` if absent.
    func update(_ item: InboxItem) async throws
    /// Marks every unread item of the member read at `date`; returns how many changed.
    func markInboxRead(of member: MemberID, at date: Date) async throws -> Int
}
