import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Errors that stop a command before any checking can happen.
public enum PolicyError: Error, CustomStringConvertible {
    case contentNotFound(String)
    case outputFailed(String)
    case themeFailed(String)
    /// The output folder is not one a build may replace (see `OutputFolder`): a usage error.
    case outputRefused(String)
    /// A system library's own file (library.yml, library.lock) that cannot be used: file, why.
    case unreadable(String, String)
    /// A system library that cannot be built: a source has no commit that passed (why).
    case systemRefused(String)
    /// An input file a command was given (`policy qa import FILE`) cannot be used: why, in Chinese.
    case inputRefused(String)

    public var description: String {
        switch self {
        case .contentNotFound(let path): "找不到内容目录 \(path)：请确认路径，或在仓库根目录运行（默认为 content）。"
        case .outputFailed(let why): "无法写入站点：\(why)"
        case .themeFailed(let why): "模板错误：\(why)"
        case .outputRefused(let why): why
        case .unreadable(let file, let why): "无法读取 \(file)：\(why)。"
        case .systemRefused(let why): why
        case .inputRefused(let why): why
        }
    }
}

extension PolicyError {
    /// A file-system error in Chinese with the file it concerns, instead of an NSError dump.
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        let file = (ns.userInfo[NSFilePathErrorKey] as? String).map { " \($0)" } ?? ""
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
        let why: String
        switch (ns.domain, ns.code) {
        case (NSCocoaErrorDomain, NSFileWriteNoPermissionError), (NSCocoaErrorDomain, NSFileReadNoPermissionError): why = "权限不足"
        case (NSCocoaErrorDomain, NSFileWriteFileExistsError): why = "已存在同名的文件或目录"
        case (NSCocoaErrorDomain, NSFileNoSuchFileError), (NSCocoaErrorDomain, NSFileReadNoSuchFileError): why = "文件不存在"
        case (NSCocoaErrorDomain, NSFileWriteOutOfSpaceError): why = "磁盘空间不足"
        case (NSPOSIXErrorDomain, let code): why = String(cString: strerror(Int32(code)))
        default: why = posix.map { String(cString: strerror($0)) } ?? "文件操作失败（\(ns.domain) \(ns.code)）"
        }
        return "\(file.isEmpty ? "" : "文件\(file)：")\(why)"
    }
}
