/// Delivers inbox items outside the SDK (email, push, chat). The host implements it.
///
/// Engines call it after the transaction that created the items has committed, never inside
/// it, so a retried transaction never delivers twice. Delivery is best effort: it cannot fail
/// the write; record and retry failures on the host's side.
///
/// ```swift
/// struct EmailDelivery: NotificationDelivery {
///     func deliver(_ items: [InboxItem]) async { for item in items { await mailer.send(item) } }
/// }
/// ```
public protocol NotificationDelivery: Sendable {
    /// Delivers new inbox items, in creation order.
    func deliver(_ items: [InboxItem]) async
}

/// A delivery that does nothing: items stay in the in-app inbox only.
public struct InboxOnlyDelivery: NotificationDelivery {
    /// Creates the delivery.
    public init() {}
    /// Does nothing.
    public func deliver(_ items: [InboxItem]) async {}
}
