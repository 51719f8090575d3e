import Foundation

/// Writes a complete site so that the output folder is only ever the old site or the new
/// one: files go into a sibling temporary folder, which replaces the old one in one rename
/// at the end. A failed or killed build leaves the previous site as it was.
public struct SiteWriter {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files { try write(file, into: staging) }
            try swapIn(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw PolicyError.outputFailed("\(error)")
        }
    }

    private func write(_ file: OutputFile, into folder: URL) throws {
        let target = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        switch file.contents {
        case .text(let text): try Data(text.utf8).write(to: target)
        case .data(let data): try data.write(to: target)
        case .copy(let source): try FileManager.default.copyItem(atPath: source, toPath: target.path)
        }
    }

    /// Moves the old site aside, renames the new one into place, then deletes the old one.
    /// Between the two renames the folder is briefly absent, never half-written.
    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: old)
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            if fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: output) }
            throw error
        }
        try? fm.removeItem(at: old)
    }
}
