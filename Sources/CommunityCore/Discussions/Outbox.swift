/// The inbox items one transaction attempt created, handed to the `NotificationDelivery` once
/// the transaction has committed (never from inside it, since a body may run more than once).
///
/// Not `Sendable`: one is made per attempt and used only by the task running that attempt.
package final class Outbox {
    /// The items, in creation order.
    package var items: [InboxItem] = []

    /// Creates an empty outbox.
    package init() {}
}
