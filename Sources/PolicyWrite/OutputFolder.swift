import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The folder a build replaces, checked before anything is touched. A build swaps the whole
/// folder for the new site, so it may only ever be a folder that does not exist yet, an
/// empty one, or a site this tool built: never the content, the repository, the home folder,
/// the root, a file, or somebody else's folder.
public struct OutputFolder: Sendable {
    /// Written into the root of every site built, and looked for before replacing one.
    public static let markerName = ".policy-site"
    public static let markerText = "policy site: built by `policy build`, which replaces this whole folder on the next build.\n"

    public let url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// Throws `PolicyError.outputRefused` with the reason when a build must not replace this
    /// folder. `home` is the user's home folder (HOME, from the command line), else the
    /// password database's.
    public func verify(content: URL, home: String? = nil) throws {
        let home = home ?? OutputFolder.accountHomeFolder
        let output = OutputFolder.canonical(url.path)
        let shown = url.path
        func refuse(_ why: String) -> PolicyError {
            .outputRefused("不能把网站生成到 \(shown)：\(why)构建会用新网站整体替换输出目录。请用 --out 指定一个不存在的目录、空目录或本工具生成过的网站目录（默认为 site）。")
        }
        if output == "/" { throw refuse("这是根目录。") }
        if let home, !home.isEmpty, OutputFolder.contains(output, OutputFolder.canonical(home)) {
            throw refuse(output == OutputFolder.canonical(home) ? "这是用户主目录。" : "其中包含用户主目录。")
        }
        let contentPath = OutputFolder.canonical(content.standardizedFileURL.path)
        if output == contentPath { throw refuse("这是内容目录本身。") }
        if OutputFolder.contains(contentPath, output) { throw refuse("它位于内容目录之内。") }
        if let repository = OutputFolder.repositoryRoot(above: contentPath), OutputFolder.contains(output, repository) {
            throw refuse(output == repository ? "这是 git 仓库的根目录。" : "其中包含 git 仓库 \(repository)。")
        }
        if OutputFolder.contains(output, contentPath) { throw refuse("其中包含内容目录 \(content.path)。") }
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return }  // does not exist yet: ours to make
        if (status.st_mode & S_IFMT) == S_IFLNK, stat(url.path, &status) != 0 { throw refuse("这是一个失效的符号链接。") }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { throw refuse("这是一个文件，不是目录。") }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw refuse("无法读取该目录。")
        }
        // A site under git (a deploy checkout, gh-pages) would lose its history with the swap.
        if entries.contains(".git") { throw refuse("其中有 git 仓库（.git），替换会删除它的全部历史。") }
        if entries.isEmpty || entries.contains(OutputFolder.markerName) || builtByEarlierVersion(entries) { return }
        throw refuse("该目录不是空的，也不是本工具生成的网站（缺少标记文件 \(OutputFolder.markerName)）；如果它是旧版本生成的网站，删除该目录后重新生成即可。")
    }

    /// Sites built before the marker existed: the ledger every build since the atomic writer
    /// leaves beside its output (`.site.files`) names the files it wrote. The folder is taken
    /// for that site only when every entry in it is one the ledger names: a ledger left behind
    /// after `rm -rf site` must not vouch for a new folder of other files.
    private func builtByEarlierVersion(_ entries: [String]) -> Bool {
        let ledgerPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).files").path
        let ledger = OutputLedger(contentsOf: ledgerPath)
        guard !ledger.entries.isEmpty else { return false }
        let written = Set(ledger.entries.keys.map { String($0.prefix { $0 != "/" }) })
        return entries.allSatisfy { written.contains($0) }
    }

    /// The account's home folder from the password database, for when the command line
    /// passes none (`RunEnvironment.homeFolder`, from HOME).
    public static var accountHomeFolder: String? { NSHomeDirectory() }

    /// `inner` is `outer` or lies inside it.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == inner || outer == "/" || inner.hasPrefix(outer + "/")
    }

    /// The absolute path with every link resolved, for as much of it as exists (a new output
    /// folder does not yet).
    static func canonical(_ path: String) -> String {
        var rest: [String] = []
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                let joined = ([base == "/" ? "" : base] + rest.reversed()).joined(separator: "/")
                return joined.isEmpty ? "/" : joined
            }
            guard existing != "/" else { return path }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    /// The nearest folder at or above `path` holding `.git` (folder or file, as in a worktree).
    static func repositoryRoot(above path: String) -> String? {
        var folder = path
        while true {
            if FileManager.default.fileExists(atPath: folder + "/.git") { return folder }
            guard folder != "/" else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}
