import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The writing half of the build cache: the stamps and the record beside the output
/// (`.site.stamps`, `.site.cache`). Any failure here only costs the next build time, so
/// nothing throws.
package enum BuildCacheFiles {
    /// Writes the stamps through a temporary file named for this process (two builds may hash
    /// the same content at once) and a rename.
    package static func save(_ stamps: FileStamps, to path: String) {
        let temporary = path + ".tmp-\(getpid())"
        guard (try? stamps.serialized.write(to: URL(fileURLWithPath: temporary))) != nil else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    package static func save(_ record: BuildRecord, to url: URL) {
        try? JSONEncoder().encode(record).write(to: url, options: .atomic)
    }

    /// Forgets the record, before a build that is about to replace the output.
    package static func removeRecord(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Whether `output` holds a site this tool built (its marker file), not merely a folder
    /// of that name.
    package static func holdsSite(_ output: URL) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.markerName).path)
    }
}
