/// A cleanup batch's own 文号 (`number`) follows the same format as a document's (PN001).
extension NumberIsWellFormed {
    func cleanupNumbers(_ context: CheckContext) -> [Diagnostic] {
        context.library.cleanups.compactMap { batch in
            guard let number = batch.number else { return nil }
            let location = batch.source.frontMatter?.location(of: "number") ?? batch.source.location()
            guard case .malformed(let problem, let suggestion) = DocumentNumber.parse(number) else { return nil }
            return finding(location, "清理结果《\(batch.title)》的文号“\(number)”格式不正确：\(problem)。",
                           fix: suggestion.map { "改为“\($0)”。" })
        }
    }
}
