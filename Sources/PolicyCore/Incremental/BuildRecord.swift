/// What the last successful build left next to its output (`.site.cache`): the key of its
/// inputs (`BuildCache`), its counts and its findings, replayed when the next build's
/// inputs are the same.
package struct BuildRecord: Codable, Sendable {
    package struct Finding: Codable, Sendable {
        package var code, severity, file, message, fix: String
        package var line, column: Int

        package init(code: String, severity: String, file: String, message: String, fix: String, line: Int, column: Int) {
            (self.code, self.severity, self.file, self.message, self.fix) = (code, severity, file, message, fix)
            (self.line, self.column) = (line, column)
        }
    }

    package var key: String
    package var documentCount: Int
    package var fileCount: Int
    package var findings: [Finding]

    package init(key: String, documentCount: Int, fileCount: Int, findings: [Finding]) {
        self.key = key
        self.documentCount = documentCount
        self.fileCount = fileCount
        self.findings = findings
    }
}
