import PolicyCore
import PolicyModel

/// PR004: a cleanup batch can only judge what existed, and only keep alive what was alive,
/// on the day it was published: it may not act on a document published after it, nor find
/// 继续有效 a document that had already expired or been ended by an earlier batch. (A
/// document's own `repealed` date against a batch is PR003.)
struct CleanupIsChronological: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PR004", name: "cleanup-chronology", severity: .error,
        summary:
            "A cleanup batch acts on a document published after the batch, or finds 继续有效 a document already expired (expires) or ended by an earlier batch on the batch's date.",
        fix: "核对清理结果：清理只能针对清理结果发布之日已发布的文件；已失效或已废止的文件不能认定为“继续有效”。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let library = context.library
        var found: [Diagnostic] = []
        for batch in library.cleanups {
            let day = batch.published
            for result in batch.results {
                guard let doc = library.document(result.document) else { continue }
                if doc.published > day {
                    found.append(
                        finding(
                            result.location, "《\(batch.title)》（\(day) 发布）对\(doc.quotedTitle)作出“\(result.outcome.rawValue)”的结论，但该文件 \(doc.published) 才发布。",
                            fix: "删去这一结果，或核对 document 是否写错、清理结果的 published 是否有误。"))
                    continue
                }
                guard result.outcome == .remains else { continue }
                if let expires = doc.expires, expires < day {
                    found.append(
                        finding(
                            result.location, "《\(batch.title)》（\(day) 发布）认定\(doc.quotedTitle)“继续有效”，但该文件有效期至 \(expires)，已经失效。",
                            fix: "改为“宣布失效”，或先核对文件的 expires。"))
                } else if let earlier = endedBefore(doc.id, day, excluding: batch.id, in: library) {
                    found.append(
                        finding(
                            result.location,
                            "《\(batch.title)》（\(day) 发布）认定\(doc.quotedTitle)“继续有效”，但《\(earlier.batch.title)》已决定其自 \(earlier.batch.effective) 起“\(earlier.result.outcome.rawValue)”。",
                            fix: "删去这一结果，或核对两次清理结果中哪一处有误。"))
                }
            }
        }
        return found
    }

    /// An earlier batch's result that ended the document on or before `day`.
    private func endedBefore(
        _ id: String, _ day: CalendarDate, excluding batchID: String,
        in library: Library
    ) -> (batch: CleanupBatch, result: CleanupBatch.Result)? {
        (library.cleanupResults[id] ?? []).first { entry in
            entry.batch.id != batchID && entry.result.outcome.endsValidity && entry.batch.effective <= day
        }
    }
}
