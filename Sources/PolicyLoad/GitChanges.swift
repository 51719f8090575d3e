import Foundation
import PolicyCore

/// The files of a content folder that changed since a git revision, for
/// `policy check --changed-since REF`: committed, staged or not (`git diff --name-only REF`),
/// plus untracked files that are not ignored. Paths are relative to the content folder.
public enum GitChanges {
    public static func since(_ ref: String, content: URL) throws -> Set<String> {
        let directory = content.standardizedFileURL
        guard !ref.isEmpty, !ref.hasPrefix("-") else { throw GitChangesError.badRevision(ref) }
        guard let top = Git.run(["rev-parse", "--show-toplevel"], in: directory) else { throw GitChangesError.noGit }
        guard top.status == 0 else { throw GitChangesError.notARepository(top.stderr) }
        guard let verified = Git.run(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"], in: directory),
            verified.status == 0
        else { throw GitChangesError.badRevision(ref) }
        let commit = String(decoding: verified.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let diff = try run(["diff", "-z", "--name-only", "--relative", commit, "--", "."], in: directory)
        let untracked = try run(["ls-files", "-z", "--others", "--exclude-standard", "--", "."], in: directory)
        return Set(Git.names(diff) + Git.names(untracked))
    }

    private static func run(_ arguments: [String], in directory: URL) throws -> Data {
        guard let output = Git.run(arguments, in: directory) else { throw GitChangesError.noGit }
        guard output.status == 0 else { throw GitChangesError.failed("git \(arguments[0])：\(output.stderr)") }
        return output.stdout
    }
}

public enum GitChangesError: Error, CustomStringConvertible {
    case noGit
    case notARepository(String)
    case badRevision(String)
    case failed(String)

    public var description: String {
        switch self {
        case .noGit: "--changed-since 需要 git：找不到 git 程序。"
        case .notARepository(let why): "--changed-since 需要内容目录位于 git 仓库中。\(why.isEmpty ? "" : "（\(why)）")"
        case .badRevision(let ref): "--changed-since：git 中找不到提交“\(ref)”。请使用分支名、标签或提交号，例如 origin/main；CI 中请先取回该分支（如 actions/checkout 的 fetch-depth: 0）。"
        case .failed(let why): "--changed-since：\(why)"
        }
    }
}
