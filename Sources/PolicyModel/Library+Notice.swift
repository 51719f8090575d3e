import PolicyCore

/// What the page of a document no longer in force tells its reader, as gov.cn libraries do:
/// what ended it (the repealing or revising document), apart from the cleanup batch that
/// announced the result, and the version to read instead.
public struct StatusNotice: Sendable {
    public let status: ValidityStatus
    /// The day the status began.
    public let since: CalendarDate?
    /// The document that repealed this one (`repealed.by`), for 已废止; the revision that took
    /// effect (the earliest), for 已修改.
    public let endedBy: Document?
    /// The cleanup batch whose result (废止 or 宣布失效) ended the document or announced its
    /// repeal, in effect on the day; nil when no batch ruled so.
    public let announcedBy: CleanupBatch?
    /// The version of the document in force on the day (`Library.currentVersion`).
    public let currentVersion: Document?
}

extension Library {
    /// Nil while the document is in force or not yet in force: there is nothing to explain.
    public func statusNotice(of document: Document, at asOf: CalendarDate) -> StatusNotice? {
        let report = status(of: document, at: asOf)
        guard !report.status.isCurrent else { return nil }
        var endedBy: Document?
        switch report.status {
        case .repealed:
            // The repealing document is named by the document's own `repealed.by`, whether the
            // status came from that repeal or from a cleanup batch that announced it.
            endedBy = document.repeal?.by.flatMap(self.document)
        case .superseded:
            if case .document(let id) = report.cause { endedBy = self.document(id) }
        default:
            break
        }
        let ending: CleanupOutcome? =
            report.status == .repealed ? .repealed : report.status == .expired ? .declaredInvalid : nil
        let announcedBy = ending.flatMap { outcome in
            (cleanupResults[document.id] ?? []).first { $0.batch.effective <= asOf && $0.result.outcome == outcome }?.batch
        }
        return StatusNotice(
            status: report.status, since: report.since, endedBy: endedBy, announcedBy: announcedBy,
            currentVersion: currentVersion(of: document, at: asOf))
    }
}
