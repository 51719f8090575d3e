/// What a bundle file is by its extension, where pages and rules must agree: a player for a
/// video or audio file, no text review for a picture, a video or a recording.
public enum MediaFile {
    static let videoExtensions: Set<String> = ["mp4", "m4v", "webm", "ogv", "mov"]
    static let audioExtensions: Set<String> = ["mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac"]
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "bmp", "avif", "ico"]

    public static func isVideo(_ file: String) -> Bool { videoExtensions.contains(fileExtension(file)) }
    public static func isAudio(_ file: String) -> Bool { audioExtensions.contains(fileExtension(file)) }
    /// A picture, a video or a recording: not text.
    public static func isMedia(_ file: String) -> Bool {
        let ext = fileExtension(file)
        return imageExtensions.contains(ext) || videoExtensions.contains(ext) || audioExtensions.contains(ext)
    }

    /// The lower-cased extension (`MP4` → `mp4`); the whole name when it has no dot.
    static func fileExtension(_ file: String) -> String {
        file.split(separator: ".").last.map { $0.lowercased() } ?? ""
    }
}
