import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyReport

/// The content folder argument every command takes.
struct ContentOptions: ParsableArguments {
    @Argument(help: "内容目录（content folder），或系统文件库的 library.yml。", completion: .file())
    var content: String = "content"

    /// A system library's `library.yml` (a file named *.yml or *.yaml) instead of a content folder.
    var isSystemLibrary: Bool { SystemPipeline.isManifest(content) }

    var url: URL { URL(fileURLWithPath: content) }
    /// As the user typed it, for diagnostics (`content/normative/x/index.md`).
    var display: String { content.hasSuffix("/") && content.count > 1 ? String(content.dropLast()) : content }

    /// `--theme`, else the `theme/` folder beside the content folder (which may not exist).
    func themeFolder(_ explicit: String?) -> URL {
        explicit.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent().appendingPathComponent("theme")
    }

    /// `--theme`, else a `theme/` folder beside the content folder when there is one.
    func themeDirectory(_ explicit: String?) -> URL? {
        let folder = themeFolder(explicit)
        return explicit != nil || FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints to standard error, where diagnostics go so that `--format json` stdout stays clean.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
