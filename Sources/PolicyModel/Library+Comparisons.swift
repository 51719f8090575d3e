import PolicyCore

/// 新旧对照 pairs: every document with each earlier version it directly revises. One
/// comparison page per pair; the diff itself is `ArticleDiff`, worked out once per pair.
extension Library {
    public struct VersionPair: Sendable {
        public let old: Document
        public let new: Document
    }

    /// Every (old, new) where `new.supersedes` names `old`, sorted by new id then old id.
    public var versionPairs: [VersionPair] {
        documents.flatMap { new in
            new.supersedes.compactMap { document($0) }.map { VersionPair(old: $0, new: new) }
        }.sorted { ($0.new.id, $0.old.id) < ($1.new.id, $1.old.id) }
    }

    /// The article-by-article comparison of two documents' official texts.
    public func comparison(_ pair: VersionPair) -> ArticleDiff {
        ArticleDiff(old: pair.old.body, new: pair.new.body)
    }
}
