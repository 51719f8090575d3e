/// Errors that stop a command before any checking can happen.
public enum PolicyError: Error, CustomStringConvertible {
    case contentNotFound(String)
    case outputFailed(String)
    case themeFailed(String)

    public var description: String {
        switch self {
        case .contentNotFound(let path): "找不到内容目录 \(path)：请确认路径，或在仓库根目录运行（默认为 content）。"
        case .outputFailed(let why): "无法写入站点：\(why)"
        case .themeFailed(let why): "模板错误：\(why)"
        }
    }
}
