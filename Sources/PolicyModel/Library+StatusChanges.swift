import PolicyCore

/// When each document's status changed: the days its 时效性 moved from one value to
/// another. The status feed and the annual report's 本年废止件数 both read these, so "when
/// did this rule stop applying" is answered in one place, by the same `status(of:at:)`.
extension Library {
    public struct StatusChange: Sendable {
        public let document: Document
        /// The first day of the new status.
        public let date: CalendarDate
        public let from: ValidityStatus
        /// The new status with its cause, as on `date`.
        public let to: StatusReport
    }

    /// Every change of `document`'s status, oldest first. Statuses only change on days some
    /// date in the content names (effective, repeal, cleanup, the day after expiry, a
    /// successor's effective date), so only those days are evaluated.
    public func statusChanges(of document: Document) -> [StatusChange] {
        var days: Set<CalendarDate> = [document.effective]
        if let repeal = document.repeal { days.insert(repeal.date) }
        if let expires = document.expires { days.insert(expires.adding(days: 1)) }
        for entry in cleanupResults[document.id] ?? [] { days.insert(entry.batch.effective) }
        for id in supersededBy[document.id] ?? [] { if let later = self.document(id) { days.insert(later.effective) } }
        return days.sorted().compactMap { day in
            let before = status(of: document, at: day.adding(days: -1)).status
            let after = status(of: document, at: day)
            return before == after.status ? nil : StatusChange(document: document, date: day, from: before, to: after)
        }
    }

    /// Changes into a status that no longer binds (已修改, 已失效, 已废止) on or before
    /// `asOf`: newest first, then by document id — the status feed's entries.
    public func endings(through asOf: CalendarDate) -> [StatusChange] {
        documents.flatMap(statusChanges).filter { !$0.to.status.isCurrent && $0.date <= asOf }
            .sorted { ($0.date, $1.document.id) > ($1.date, $0.document.id) }
    }
}
