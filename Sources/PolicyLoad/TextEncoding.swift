import Foundation
import PolicyCore

/// Recognises files that are not UTF-8 text, so the message can say what they are and how
/// to convert them instead of showing garbled characters.
enum TextEncoding {
    struct Problem: Error {
        let message: String
        let fix: String
    }

    /// The file's text, or what is wrong with its encoding. Decodes once: validating and then
    /// decoding again cost a second pass over every file of a large library.
    static func decode(_ data: [UInt8]) -> Result<String, Problem> {
        let hasNUL = data.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0, data.count) != nil } ?? false }
        if let order = utf16ByteOrder(data) {
            return .failure(
                Problem(
                    message: "文件是 UTF-16 编码（\(order)），不是 UTF-8。",
                    fix: "UTF-16 编码，请另存为 UTF-8：在编辑器中选择“另存为 UTF-8”，或 iconv -f UTF-16 -t UTF-8 原文件 > 新文件。"))
        }
        if hasNUL {
            return .failure(
                Problem(
                    message: "文件含有空字节（NUL），不是纯文本文件。",
                    fix: "用文本编辑器另存为 UTF-8 纯文本；若是 Word 等二进制文件，请改为附件引用。"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            // Files saved by Windows editors in the national encoding decode as GB18030.
            let looksGB = looksLikeGB18030(data)
            return .failure(
                Problem(
                    message: looksGB
                        ? "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（常见于 Windows 记事本、WPS 保存的文件）。"
                        : "文件不是有效的 UTF-8 文本。",
                    fix: "请将文件转换为 UTF-8 编码后再提交，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在编辑器中选择“另存为 UTF-8”。"))
        }
        return .success(text)
    }

    /// "小端序" or "大端序" when the bytes are UTF-16 text (what Windows calls "Unicode"): a
    /// byte-order mark, or — without one — a NUL in the same half of most byte pairs, as the
    /// ASCII of front matter gives. Nil for anything else.
    static func utf16ByteOrder(_ data: [UInt8]) -> String? {
        guard data.count >= 2 else { return nil }
        if data[0] == 0xFF, data[1] == 0xFE { return "小端序" }
        if data[0] == 0xFE, data[1] == 0xFF { return "大端序" }
        let pairs = min(data.count, 512) / 2
        guard pairs >= 4, data.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in 0..<pairs {
            if data[2 * i] == 0 { evenZeros += 1 }
            if data[2 * i + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 2 >= pairs, evenZeros * 20 < pairs { return "小端序" }
        if evenZeros * 2 >= pairs, oddZeros * 20 < pairs { return "大端序" }
        return nil
    }

    /// True when the non-ASCII bytes pair up as GBK/GB18030 two-byte characters (lead byte
    /// 0x81–0xFE, trail byte 0x40–0xFE except 0x7F). Written here because Foundation on Linux
    /// has no GB18030 decoder to ask.
    static func looksLikeGB18030(_ data: [UInt8]) -> Bool {
        var pairs = 0, strays = 0
        var i = data.startIndex
        while i < data.endIndex {
            let b = data[i]
            if b < 0x80 { i += 1; continue }
            let next = data.index(after: i)
            if (0x81...0xFE).contains(b), next < data.endIndex, (0x40...0xFE).contains(data[next]), data[next] != 0x7F {
                pairs += 1
                i = data.index(after: next)
            } else {
                strays += 1
                i = next
            }
        }
        return pairs > 0 && strays * 10 <= pairs
    }
}
