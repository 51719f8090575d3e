/// Turns the checked library into the site's files (pages, feeds, data, copied assets).
/// PLACEHOLDER — being written.
public struct SiteRenderer {
    public let library: Library
    public let raw: RawLibrary
    public let asOf: CalendarDate
    public let theme: Theme

    public init(library: Library, raw: RawLibrary, asOf: CalendarDate, theme: Theme) {
        self.library = library
        self.raw = raw
        self.asOf = asOf
        self.theme = theme
    }

    public func render() throws -> [OutputFile] {
        [.text("index.html", "<!doctype html><title>\(library.site.title)</title>")]
    }
}
