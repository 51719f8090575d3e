import Foundation
import PolicyKit
import PolicyCore

/// Asks questions on the terminal for `policy new`: one line per answer, Enter takes the
/// default shown in brackets, a wrong answer is explained and asked again. Only used when
/// standard input is a terminal; in scripts and CI everything comes from flags.
struct Prompter {
    struct Cancelled: Error {}

    static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 }

    /// Asks until `parse` accepts the answer; an empty answer takes `defaultValue`. End of
    /// input (Ctrl-D) cancels.
    func ask<T>(
        _ question: String, default defaultValue: String? = nil, hint: String? = nil,
        _ parse: (String) -> Result<T, Complaint>
    ) throws -> T {
        while true {
            var prompt = question
            if let hint { prompt += "（\(hint)）" }
            if let defaultValue { prompt += " [\(defaultValue)]" }
            Self.write(prompt + "：")
            guard let line = readLine(strippingNewline: true) else {
                Self.write("\n")
                throw Cancelled()
            }
            var answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty, let defaultValue { answer = defaultValue }
            switch parse(answer) {
            case .success(let value): return value
            case .failure(let complaint): Self.write("  \(complaint.text)\n")
            }
        }
    }

    /// Unbuffered, so that prompts and lines appear in order whatever standard output is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    struct Complaint: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    // MARK: - Common answers

    static func required(_ what: String) -> (String) -> Result<String, Complaint> {
        { $0.isEmpty ? .failure(Complaint("请填写\(what)。")) : .success($0) }
    }

    static func optional(_ answer: String) -> Result<String?, Complaint> {
        .success(answer.isEmpty || answer == "-" ? nil : answer)
    }

    static func date(_ answer: String) -> Result<CalendarDate, Complaint> {
        CalendarDate(answer).map { .success($0) } ?? .failure(Complaint("日期格式为 YYYY-MM-DD，如 2026-03-01。"))
    }

    static func kind(_ answer: String) -> Result<DocumentKind, Complaint> {
        let byNumber: [String: DocumentKind] = ["1": .regulation, "2": .normative, "3": .policy]
        if let kind = byNumber[answer] ?? DocumentKind(alias: answer) { return .success(kind) }
        return .failure(Complaint("请输入 1、2、3，或 regulation、normative、policy。"))
    }
}
