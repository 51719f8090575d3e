import PolicyCore
import PolicyLoad

/// A body's chapters (编, 章, 节) and articles (条) with the fragment ids the page gives them,
/// so a table of contents, a copied link (`d/<id>/#art-12`), an interpretation's "第十二条"
/// and a 新旧对照 row all point at the same place.
///
/// The page and the outline read the body block by block with the same `Reader`: the page
/// feeds it the top-level paragraphs and headings it renders, the outline the same blocks'
/// text as the parse kept it (`BodyFacts.textBlocks`), so both assign the same ids.
public struct BodyOutline: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        /// 0 for 编, 1 for 章, 2 for 节.
        public let level: Int
        /// `第二章 登记管理`, as written.
        public let title: String
        public let anchor: String
    }

    public struct ArticleMark: Sendable, Equatable {
        /// `第十二条`, `第十条之一`.
        public let label: String
        public let number: Int
        public let anchor: String
    }

    /// One block's place in the outline.
    public enum Mark: Sendable, Equatable {
        case heading(Heading)
        case article(ArticleMark)
    }

    public private(set) var headings: [Heading] = []
    public private(set) var articles: [ArticleMark] = []

    /// Reads the blocks of a body in order, giving each chapter heading and article start its
    /// id; a number seen before (a second 第一条 in an appended text) gets a suffix, so ids
    /// stay unique on the page.
    public struct Reader {
        private var used: Set<String> = []
        private var chapter: Int?

        public init() {}

        /// The mark of a block whose text is `text` (Markdown already taken off), nil for any
        /// other block.
        public mutating func read(_ text: String) -> Mark? {
            let line = text.trimmed
            guard line.hasPrefix("第") else { return nil }
            if let (unit, _) = Article.chapterHeading(line), let number = BodyOutline.leadingNumber(line) {
                let level = unit == "编" ? 0 : unit == "章" ? 1 : 2
                if level == 1 { chapter = number }
                let base =
                    switch level {
                    case 0: "part-\(number)"
                    case 1: "ch-\(number)"
                    default: chapter.map { "ch-\($0)-sec-\(number)" } ?? "sec-\(number)"
                    }
                return .heading(Heading(level: level, title: line, anchor: unique(base)))
            }
            if let (number, label, _) = Article.articleStart(line) {
                return .article(ArticleMark(label: label, number: number, anchor: unique(BodyOutline.articleAnchor(label: label) ?? "art-\(number)")))
            }
            return nil
        }

        private mutating func unique(_ base: String) -> String {
            var id = base
            var n = 2
            while used.contains(id) {
                id = "\(base)-x\(n)"
                n += 1
            }
            used.insert(id)
            return id
        }
    }

    public init(blocks: some Sequence<some StringProtocol>) {
        var reader = Reader()
        for block in blocks {
            switch reader.read(String(block)) {
            case .heading(let h): headings.append(h)
            case .article(let a): articles.append(a)
            case nil: break
            }
        }
    }

    /// The outline of the marks a `Reader` gave, in order.
    public init(marks: [Mark]) {
        for mark in marks {
            switch mark {
            case .heading(let h): headings.append(h)
            case .article(let a): articles.append(a)
            }
        }
    }

    /// The outline of a parsed body.
    public init(_ facts: BodyFacts) {
        self.init(blocks: facts.textBlockStrings)
    }

    /// A table of contents is worth showing for two or more chapters (or parts).
    public var hasTableOfContents: Bool { headings.filter { $0.level <= 1 }.count >= 2 }

    /// The id of the first article labelled `label` (`第十条之一`), nil when the body has none.
    public func anchor(ofArticle label: String) -> String? {
        articles.first { $0.label == label }?.anchor
    }

    /// `第十二条` → `art-12`, `第十条之一` → `art-10-1`; nil for a label that is not an article's.
    public static func articleAnchor(label: String) -> String? {
        guard let number = leadingNumber(label) else { return nil }
        guard let sub = label.firstIndex(of: "之") else { return "art-\(number)" }
        guard let subNumber = ChineseNumeral.value(label[label.index(after: sub)...]) else { return nil }
        return "art-\(number)-\(subNumber)"
    }

    /// The numeral after a leading 第: `第二章 总则` → 2.
    static func leadingNumber(_ text: String) -> Int? {
        guard text.hasPrefix("第") else { return nil }
        return ChineseNumeral.value(text.dropFirst().prefix(while: ChineseNumeral.isNumeralCharacter))
    }
}
