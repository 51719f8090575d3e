import PolicyCore
import PolicyWrite

/// Where every output of a render goes. As a side effect of rendering an output it records
/// what the output was made from. Page builders never hand files to the sink themselves:
/// they call `render` with a template and a view model, or `add` for files they made
/// otherwise, and get back the paths (for the sitemap).
///
/// A templated output is a pure function of three things: the `policy` binary (its
/// templates engine and `TemplateEncoder`), the theme's templates, and the view model the
/// page builder filled in. So its key — `PageKey` — is a SHA-256 of exactly those, and a
/// later build whose key for the same path is the same keeps the last build's file
/// (`SiteSink.reuse`) instead of running the template. Nothing a page shows can be missed
/// by the key, because what a page shows is what the template reads from the view model:
/// a transcript, a heading of another document or a date from git all reach the page only
/// through it. Files made without a template (JSON, CSV, the sitemap, robots.txt, theme
/// assets, bundle files copied as they are) are always made anew; the sink still links
/// one whose bytes did not change (`OutputLedger`).
struct InputRecorder: Sendable {
    let sink: any SiteSink
    let theme: Theme
    /// What identifies the running `policy` binary; nil when nothing may be reused (every
    /// output is rendered).
    let tool: String?

    /// Renders `template` with `model` as the file at `path` — or keeps the last build's
    /// file when it was made from the same key. Returns `path`.
    @discardableResult
    func render(_ path: String, template: String, _ model: some Encodable) throws -> String {
        let value = try TemplateEncoder.encode(model)
        var key: String?
        if let tool {
            let digest = PageKey(tool: tool, templates: theme.templatesDigest, template: template, path: path, model: value).hex
            if try sink.reuse(madeFrom: digest) != nil { return path }
            key = digest
        }
        try sink.add([.text(path, try theme.render(template, encoded: value))], madeFrom: key)
        return path
    }

    /// Files made without a template: always handed to the sink. Returns their paths.
    @discardableResult
    func add(_ files: [OutputFile]) throws -> [String] {
        try sink.add(files)
        return files.map(\.path)
    }
}
