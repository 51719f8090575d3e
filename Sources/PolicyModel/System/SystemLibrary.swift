import PolicyCore
import PolicyLoad

/// The libraries of every bureau of a system, each passed by its own gate, seen as one:
/// every document under its qualified id (`<source>/<id>`), so that ids of different bureaus
/// never collide, and the 上位文件 / 下级配套文件 links resolved across bureaus.
public struct SystemLibrary: Sendable {
    public struct Member: Sendable {
        public let origin: DocumentOrigin
        /// The bureau's library as its own gate checked it (its own settings and calendar).
        public let library: Library

        public init(origin: DocumentOrigin, library: Library) {
            self.origin = origin
            self.library = library
        }
    }

    public let members: [Member]
    /// Every document of every member under its qualified id, with the system's settings.
    public let merged: Library

    public init(site: SiteConfig, members: [Member]) {
        self.members = members
        merged = Library(
            site: site, calendar: WorkCalendar(),
            documents: members.flatMap { m in m.library.documents.map { $0.qualified(in: m.origin) } },
            cleanups: members.flatMap { m in m.library.cleanups.map { $0.qualified(in: m.origin) } },
            bundleIDs: Set(members.flatMap { m in m.library.bundleIDs.map(m.origin.qualify) }),
            standaloneQuestions: members.flatMap { m in m.library.standaloneQuestions.map { $0.qualified(in: m.origin) } })
    }

    /// What the site shows at `asOf`: the merged library as published, and each bureau's
    /// section (its own library as published, under its own settings but at the system's
    /// address `<base_url><source>/`, with the links across bureaus it takes part in).
    public func published(asOf: CalendarDate) -> (system: Library, sections: [(origin: DocumentOrigin, library: Library)]) {
        let system = merged.published(asOf: asOf)
        let sections = members.map { m in
            var site = m.library.site
            site.baseURL = system.site.baseURL + SitePath.section(m.origin.source)
            site.systemTitle = system.site.title
            let own = m.library.published(asOf: asOf)
            let section = Library(
                site: site, calendar: own.calendar, documents: own.documents, cleanups: own.cleanups,
                bundleIDs: own.bundleIDs, unreadableCalendarEntries: own.unreadableCalendarEntries,
                standaloneQuestions: own.standaloneQuestions)
            var links: [String: ImplementationLinks] = [:]
            for d in own.documents {
                if let l = system.implementation[m.origin.qualify(d.id)] { links[d.id] = l.seen(fromSection: m.origin.source) }
            }
            return (m.origin, section.with(implementation: links))
        }
        return (system, sections)
    }
}

extension CleanupBatch {
    /// The batch as a system library holds it: its id and the documents it rules on
    /// qualified by its source.
    func qualified(in origin: DocumentOrigin) -> CleanupBatch {
        CleanupBatch(
            id: origin.qualify(id), title: title, number: number, published: published, effective: effective,
            results: results.map { r in
                Result(document: origin.qualify(r.document), outcome: r.outcome, note: r.note, location: r.location)
            },
            body: body, bodyFacts: bodyFacts, source: source)
    }
}

extension StandaloneQuestion {
    /// The entry as a system library holds it: its id and the documents it concerns qualified
    /// by its source, so its page is the one in its bureau's section (`SitePath.questionEntry`).
    func qualified(in origin: DocumentOrigin) -> StandaloneQuestion {
        StandaloneQuestion(
            id: origin.qualify(id), question: question, answer: answer, channel: channel, answered: answered,
            office: office, topics: topics, documents: documents.map { $0.contains("/") ? $0 : origin.qualify($0) },
            fields: fields, location: location)
    }
}

/// The system at a glance for its home page: each bureau's documents in force, bureaus
/// grouped by level (省, 市, 县), computed once from the published libraries.
public struct SystemOverview: Sendable {
    public struct Bureau: Sendable {
        public let origin: DocumentOrigin
        public let title: String
        public let inForce: Int
        public let total: Int
    }

    public let levels: [(level: SourceLevel, bureaus: [Bureau])]

    public init(sections: [(origin: DocumentOrigin, library: Library)], asOf: CalendarDate) {
        let bureaus = sections.map { s in
            Bureau(
                origin: s.origin, title: s.library.site.title,
                inForce: s.library.documents.filter { s.library.status(of: $0, at: asOf).status == .inForce }.count,
                total: s.library.documents.count)
        }
        levels = SourceLevel.allCases.compactMap { level in
            let here = bureaus.filter { $0.origin.level == level }
            return here.isEmpty ? nil : (level, here)
        }
    }
}
