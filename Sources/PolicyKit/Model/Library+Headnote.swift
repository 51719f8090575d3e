/// The headnote (题注) the rules for publishing 规章 require under a regulation's title:
/// promulgation date and order number, each revision, and the effective date.
extension Library {
    /// `（2019年3月1日示例省人民政府令第12号公布　根据2022年6月28日示例省人民政府令第236号修订　自2022年8月1日起施行）`;
    /// nil for documents that are not regulations.
    public func headnote(of document: Document) -> String? {
        guard document.kind == .regulation else { return nil }
        let versions = predecessors(of: document).filter { $0.kind == .regulation } + [document]
        var parts: [String] = []
        // A long history keeps its first publication and latest revisions, like the version
        // list: every page recounting every revision grows with the square of the chain.
        let omitted = max(0, versions.count - 1 - 2 * Library.versionRadius)
        for (i, version) in versions.enumerated() {
            if i > 0 && i <= omitted {
                if i == 1 { parts.append("其间修订 \(omitted) 次（见版本沿革）") }
                continue
            }
            let act = "\(version.published.chinese)\(version.number ?? "")"
            parts.append(i == 0 ? "\(act)公布" : "根据\(act)修订")
        }
        parts.append("自\(document.effective.chinese)起施行")
        return "（" + parts.joined(separator: "\u{3000}") + "）"
    }
}
