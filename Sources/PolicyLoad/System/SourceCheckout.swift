import Foundation
import PolicyCore

/// A git source of a system library, cloned into its own folder under `.policy-sources/`
/// and checked out at one commit at a time: the content is read from there like any content
/// folder (and its history, 收录日期 and 最近更新, from the clone). Git is asked, never its
/// files read.
public struct SourceCheckout: Sendable {
    /// What went wrong, in Chinese, for PL003.
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// The repository: a URL, or a path relative to library.yml's folder.
    public let url: String
    public let ref: String?
    /// The content folder inside the repository; nil: `content/`, or the root with site.yml.
    public let folder: String?
    /// The clone.
    public let clone: URL
    let base: URL

    public init(url: String, ref: String?, folder: String?, clone: URL, relativeTo base: URL) {
        self.url = url
        self.ref = ref
        self.folder = folder
        self.clone = clone
        self.base = base
    }

    /// Clones the repository the first time, fetches it afterwards, and returns the commit
    /// `ref` names now.
    public func update() throws(Failure) -> String {
        // Nothing from library.yml may reach git as an option (`--upload-pack=…`), name a
        // transport that runs commands (`ext::`), or lead the clone or the content folder
        // out of their places.
        guard !url.hasPrefix("-"), !url.lowercased().hasPrefix("ext::"), !url.contains("\n") else {
            throw Failure(reason: "git 地址“\(url)”不可用：不能以 - 开头，也不能用 ext:: 传输方式")
        }
        if let ref, ref.hasPrefix("-") || ref.contains("..") || ref.contains("\n") {
            throw Failure(reason: "ref“\(ref)”不是可用的分支或标签名")
        }
        if let folder, folder.hasPrefix("/") || folder.split(separator: "/").contains("..") {
            throw Failure(reason: "folder“\(folder)”须是仓库内的相对路径，不能含 ..")
        }
        let remote = Self.isURL(url) ? url : LibraryFiles.resolve(url, against: base).path
        if FileManager.default.fileExists(atPath: clone.appendingPathComponent(".git").path) {
            try git(["fetch", "--quiet", "--force", "--tags", "--prune", remote, "+refs/heads/*:refs/remotes/origin/*"])
            _ = Git.run(["remote", "set-head", "origin", "--auto"], in: clone)
        } else {
            try? FileManager.default.createDirectory(at: clone.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: clone)
            guard let out = Git.run(["clone", "--quiet", "--no-checkout", "--", remote, clone.path], in: base), out.status == 0 else {
                throw Failure(reason: "无法克隆 git 仓库 \(url)")
            }
        }
        let candidates = ref.map { ["refs/remotes/origin/\($0)", "refs/tags/\($0)", $0] } ?? ["refs/remotes/origin/HEAD"]
        for name in candidates {
            if let out = Git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(name)^{commit}"], in: clone), out.status == 0 {
                return String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        throw Failure(reason: ref.map { "git 仓库 \(url) 中没有分支或标签“\($0)”" } ?? "git 仓库 \(url) 没有默认分支")
    }

    /// Checks `commit` out in the clone (nothing else left in it) and returns its content folder.
    public func checkout(_ commit: String) throws(Failure) -> URL {
        // A commit comes from git or from library.lock, which anyone can edit: a full id only.
        guard commit.count == 40, commit.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            throw Failure(reason: "提交“\(commit.prefix(60))”不是完整的 40 位提交号")
        }
        try git(["-c", "advice.detachedHead=false", "checkout", "--quiet", "--force", "--detach", commit])
        try git(["clean", "--quiet", "-fdx"])
        if let folder { return clone.appendingPathComponent(folder) }
        let root = clone.appendingPathComponent("site.yml")
        return FileManager.default.fileExists(atPath: root.path) ? clone : clone.appendingPathComponent("content")
    }

    private func git(_ arguments: [String]) throws(Failure) {
        guard let out = Git.run(arguments, in: clone), out.status == 0 else {
            throw Failure(reason: "git \(arguments.first ?? "") 失败（\(url)）")
        }
    }

    private static func isURL(_ text: String) -> Bool { text.contains("://") || text.hasPrefix("git@") }
}
