import PolicyCore

/// 时效性: a document's validity status, computed from its dates and relations — never typed.
public enum ValidityStatus: String, CaseIterable, Sendable, Codable {
    case inForce = "in-force"
    case notYetInForce = "not-yet-in-force"
    case superseded
    case expired
    case repealed

    public var chinese: String {
        switch self {
        case .inForce: "现行有效"
        case .notYetInForce: "尚未生效"
        case .superseded: "已修改"
        case .expired: "已失效"
        case .repealed: "已废止"
        }
    }

    /// Listing order: what applies today first.
    public var rank: Int {
        switch self {
        case .inForce: 0
        case .notYetInForce: 1
        case .superseded: 2
        case .expired: 3
        case .repealed: 4
        }
    }

    /// Whether the document still (or soon will) bind anyone — the default search filter.
    public var isCurrent: Bool { self == .inForce || self == .notYetInForce }
}

/// A status with the facts that explain it, for the badge (已废止 · 2024-12-31 · 被《…》废止).
public struct StatusReport: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        case none
        /// Repealed or superseded by this document.
        case document(id: String)
        /// Ended by a result of this cleanup batch.
        case cleanup(batchID: String)
        /// The validity period ran out.
        case validityPeriod
    }

    public var status: ValidityStatus
    /// The day the status began (repeal date, first day after expiry, effective date…).
    public var since: CalendarDate?
    public var cause: Cause
}

extension Library {
    /// The status of `document` on `asOf`, by the spec's table: the first matching row wins.
    public func status(of document: Document, at asOf: CalendarDate) -> StatusReport {
        // 已废止: its own repeal, or a 废止 cleanup result, in effect.
        if let repeal = document.repeal, repeal.date <= asOf {
            return StatusReport(
                status: .repealed, since: repeal.date,
                cause: repeal.by.map { .document(id: $0) } ?? .none)
        }
        let ending = (cleanupResults[document.id] ?? []).filter { $0.batch.effective <= asOf }
        if let hit = ending.first(where: { $0.result.outcome == .repealed }) {
            return StatusReport(status: .repealed, since: hit.batch.effective, cause: .cleanup(batchID: hit.batch.id))
        }
        // 已失效: past its validity period, or declared invalid by a cleanup.
        if let expires = document.expires, expires < asOf {
            return StatusReport(status: .expired, since: expires.adding(days: 1), cause: .validityPeriod)
        }
        if let hit = ending.first(where: { $0.result.outcome == .declaredInvalid }) {
            return StatusReport(status: .expired, since: hit.batch.effective, cause: .cleanup(batchID: hit.batch.id))
        }
        // 已修改: a document that supersedes it has taken effect (the earliest such one).
        let successors = (supersededBy[document.id] ?? []).compactMap { self.document($0) }
            .filter { $0.effective <= asOf }
            .sorted { $0.effective < $1.effective }
        if let successor = successors.first {
            return StatusReport(status: .superseded, since: successor.effective, cause: .document(id: successor.id))
        }
        if asOf < document.effective {
            return StatusReport(status: .notYetInForce, since: nil, cause: .none)
        }
        return StatusReport(status: .inForce, since: document.effective, cause: .none)
    }

    /// The badge's explanation in Chinese: `已废止 · 2024-12-31 · 被《…》废止`.
    public func explanation(of report: StatusReport, for document: Document) -> String {
        var parts = [report.status.chinese]
        switch report.status {
        case .notYetInForce:
            parts.append("\(document.effective) 起施行")
        case .inForce:
            if let expires = document.expires { parts.append("有效期至 \(expires)") }
        default:
            if let since = report.since { parts.append(since.description) }
        }
        switch report.cause {
        case .document(let id):
            let title = self.document(id)?.quotedTitle ?? id
            parts.append(report.status == .superseded ? "被\(title)修订" : "被\(title)废止")
        case .cleanup(let batchID):
            let title = cleanups.first { $0.id == batchID }.map { "《\($0.title)》" } ?? batchID
            parts.append(report.status == .repealed ? "依\(title)废止" : "依\(title)宣布失效")
        case .validityPeriod:
            parts.append("有效期届满")
        case .none:
            break
        }
        return parts.joined(separator: " · ")
    }
}
