import Foundation

/// One file of the built site: its path under the output folder and where its bytes come from.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        case data(Data)
        /// A file copied from the content folder as it is (attachments, images, video).
        case copy(from: String)
    }

    /// `/`-separated, relative to the site root: `d/<id>/index.html`.
    public var path: String
    public var contents: Contents

    public init(_ path: String, _ contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public static func text(_ path: String, _ text: String) -> OutputFile { OutputFile(path, .text(text)) }
}
