import Foundation
import PolicyCore

/// Runs the `git` program (found on PATH) in a folder. Git is asked, never its files read:
/// the content repository may be a worktree, a submodule or use any object format.
enum Git {
    struct Output {
        let status: Int32
        let stdout: Data
        let stderr: String
    }

    /// nil when git cannot be started at all (not installed).
    static func run(_ arguments: [String], in directory: URL) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Paths printed as they are (no octal escapes for 解读.md), no pager, no prompts.
        process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
        process.currentDirectoryURL = directory
        // The environment is handed on to git as it is (its HOME, PATH, config), never read here.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Read stderr on the side so that neither pipe can fill up and stall git.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: data,
            stderr: String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// NUL-separated names (`-z` output), without empty entries.
    static func names(_ data: Data) -> [String] {
        data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
