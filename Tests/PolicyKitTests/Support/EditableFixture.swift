import XCTest

/// A fixture whose files are text by path: `ContentFixture` (plain) and `MarkedFixture` (with
/// position markers, which may appear in `old` and `new` too).
protocol EditableFixture {
    subscript(path: String) -> String? { get set }
}

extension EditableFixture {
    /// Replaces one exact piece of a file (usually one line), keeping every other line where
    /// it was — so documented line numbers stay true. Fails the test when `old` is not there.
    mutating func replace(
        in path: String, _ old: String, with new: String,
        testFile: StaticString = #filePath, testLine: UInt = #line
    ) {
        guard let text = self[path], text.contains(old) else {
            XCTFail("fixture: “\(old)” not found in \(path)", file: testFile, line: testLine)
            return
        }
        self[path] = text.replacingOccurrences(of: old, with: new)
    }
}
