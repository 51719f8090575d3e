import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Lists a folder tree with opendir/readdir. Written here because FileManager's enumerator
/// builds every path with NSString operations, which cost more than reading the files it
/// lists (a library has thousands).
package enum FolderWalk {
    package enum Kind: Equatable { case file, folder, link, other }

    /// Calls `visit` with each entry below `root` — its path relative to `root` (`/`-separated)
    /// and its kind; links are reported, never followed. A folder is entered when `visit`
    /// returns true for it. Entries come in directory order, not sorted.
    package static func walk(_ root: String, _ visit: (_ relativePath: String, _ name: String, _ kind: Kind) -> Bool) {
        func walk(_ folder: String, prefix: String) {
            guard let dir = opendir(folder) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                guard name != "." && name != ".." else { continue }
                let kind: Kind
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): kind = .file
                case Int32(DT_DIR): kind = .folder
                case Int32(DT_LNK): kind = .link
                case Int32(DT_UNKNOWN): kind = FolderWalk.kind(of: folder + "/" + name) ?? .other  // file systems that do not fill d_type
                default: kind = .other
                }
                if visit(prefix + name, name, kind) && kind == .folder {
                    walk(folder + "/" + name, prefix: prefix + name + "/")
                }
            }
        }
        walk(root, prefix: "")
    }

    /// The kind of the entry at `path` itself (a link is not followed); nil when there is none.
    package static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
