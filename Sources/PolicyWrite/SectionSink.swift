import PolicyCore

/// A bureau's section of a system library: its site, rendered as if alone, lands under
/// `<source>/` of the system site. Nothing is reused from an earlier build (`reuse` is
/// nil): two sections have pages of the same path and view model, which the output ledger
/// would take for one another.
public struct SectionSink<Base: SiteSink>: SiteSink {
    let base: Base
    /// `<source>/`.
    let prefix: String

    public init(_ base: Base, folder prefix: String) {
        self.base = base
        self.prefix = prefix
    }

    public func add(_ files: [OutputFile], madeFrom inputs: String?) throws {
        try base.add(files.map { OutputFile(prefix + $0.path, $0.contents) }, madeFrom: nil)
    }

    public func reuse(madeFrom inputs: String) throws -> [String]? { nil }
}
