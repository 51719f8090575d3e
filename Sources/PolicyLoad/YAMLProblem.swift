/// libyaml's problems in Chinese. libyaml reports in English ("mapping values are not allowed
/// in this context"), which the staff who edit front matter cannot be expected to read; the
/// common ones are translated with a hint at the usual cause, the rest keep libyaml's words.
enum YAMLProblem {
    static let problems: [(english: String, chinese: String)] = [
        ("mapping values are not allowed", "此处不能出现“字段: 值”：值中含有“: ”时请给整个值加引号"),
        ("did not find expected key", "找不到应有的字段名：检查缩进是否一致，值中含有特殊字符时加引号"),
        ("could not find expected ':'", "找不到字段名后的冒号“:”"),
        ("found character that cannot start any token", "遇到不能出现在此处的字符（如制表符 Tab、@ 或 `）：缩进请用空格，值请加引号"),
        ("found a tab character", "缩进中使用了制表符 Tab，请改用空格"),
        ("found unexpected end of stream", "字段区意外结束：引号或括号没有闭合"),
        ("found undefined alias", "使用了未定义的别名（*名称），请先用 &名称 定义"),
        ("did not find expected node content", "缺少应有的值"),
        ("did not find expected ',' or ']'", "方括号列表 [ ] 中缺少逗号或右方括号"),
        ("did not find expected ',' or '}'", "花括号映射 { } 中缺少逗号或右花括号"),
        ("block sequence entries are not allowed", "此处不能出现列表项“- ”：检查缩进"),
        ("did not find expected '-' indicator", "列表项的缩进不一致（缺少“- ”）"),
        ("found unknown escape character", "双引号中有无法识别的转义（反斜杠 \\ 后的字符）：改用单引号，或把 \\ 写作 \\\\"),
        ("did not find expected alphabetic or numeric character", "锚点或别名（& 或 *）后缺少名称"),
        ("found unexpected ':'", "出现了多余的冒号“:”：含冒号的值请加引号"),
        ("did not find expected <document start>", "字段区中出现了第二份 YAML 文档：删去多余的 --- 或 ..."),
        ("control characters are not allowed", "含有不允许的控制字符"),
        ("found incompatible YAML document", "YAML 版本声明不受支持"),
        ("found duplicate anchor", "锚点名称重复"),
        ("found unexpected document indicator", "值中出现了 --- 或 ...：请给值加引号"),
    ]

    static let contexts: [(english: String, chinese: String)] = [
        ("while scanning a quoted scalar", "读取引号内的值时"),
        ("while scanning a simple key", "读取字段名时"),
        ("while parsing a block mapping", "读取字段时"),
        ("while parsing a flow mapping", "读取 { } 映射时"),
        ("while parsing a flow sequence", "读取 [ ] 列表时"),
        ("while parsing a block collection", "读取列表时"),
        ("while scanning an anchor", "读取锚点时"),
        ("while scanning an alias", "读取别名时"),
        ("while scanning a block scalar", "读取多行文本（| 或 >）时"),
        ("while scanning a plain scalar", "读取值时"),
        ("while parsing a block node", "读取值时"),
        ("while parsing a flow node", "读取值时"),
        ("while scanning a tag", "读取标签（!）时"),
        ("while scanning a directive", "读取指令（%）时"),
    ]

    /// `context` and `problem` as libyaml gave them, in Chinese.
    static func chinese(context: String?, problem: String) -> String {
        let where_ = context.flatMap { c in contexts.first { c.hasPrefix($0.english) }?.chinese } ?? ""
        if let known = problems.first(where: { problem.hasPrefix($0.english) }) {
            return where_ + known.chinese
        }
        let original = [context, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return "\(where_)无法解析（libyaml：\(original)）"
    }
}
