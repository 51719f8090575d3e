import Foundation
import PolicyCore

/// A folder of files named by key (`<key>.seg`), kept beside the site between builds: each
/// file is written under a temporary name and renamed, and carries a magic line and the
/// digest of its payload, so a file cut short or zeroed by a crash is never read back as its
/// key's. A file that is missing or fails the check only costs the caller a rebuild of it.
package struct KeyedFileStore: Sendable {
    /// The folder.
    let url: URL
    /// The first line of every file: what it holds and its format's version.
    let magic: [UInt8]

    package init(url: URL, magic: String) {
        self.url = url
        self.magic = Array(magic.utf8)
    }

    private func path(_ key: String) -> String { url.path + "/" + key + ".seg" }

    /// The payload of each key's file, when present and intact, mapped rather than read.
    /// `decode` turns it into a value (nil when it is not one), still inside the mapping.
    package func load<T: Sendable>(keys: [String], decode: @Sendable (UnsafeRawBufferPointer) -> T?) -> [String: T] {
        let values = keys.parallelMap { key -> T? in
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path(key)), options: .alwaysMapped) else { return nil }
            return data.withUnsafeBytes { bytes -> T? in
                let header = magic.count + ContentDigest.hexLength
                guard bytes.count >= header, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
                let payload = UnsafeRawBufferPointer(rebasing: bytes[header...])
                var check = ContentDigest()
                check.add(payload)
                guard bytes[magic.count..<header].elementsEqual(check.hex.utf8) else { return nil }
                return decode(payload)
            }
        }
        // Two keys may be equal (a library holding copies): the first wins.
        return Dictionary(
            zip(keys, values).compactMap { key, value in value.map { (key, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Writes the `written` payloads and deletes every other file not among `keep`; a failure
    /// to write is not an error (see above).
    package func store(_ written: [(key: String, payload: [UInt8])], keep: Set<String>) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            try? FileManager.default.removeItem(at: url)  // the single file of earlier versions
        }
        guard (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)) != nil else { return }
        for (key, payload) in written {
            var digest = ContentDigest()
            digest.add(payload)
            let out = magic + Array(digest.hex.utf8) + payload
            let temporary = path(key) + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
            do {
                try out.withUnsafeBytes { try SiteWriter.writeBytes($0, to: temporary) }
                if rename(temporary, path(key)) != 0 { unlink(temporary) }
            } catch {
                unlink(temporary)
            }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        where !(name.hasSuffix(".seg") && keep.contains(String(name.dropLast(4)))) {
            unlink(url.path + "/" + name)
        }
    }
}
