import Foundation
import XCTest
@testable import PolicyCore

/// `parallelMap` gives back its results and keeps none of them: a long-running preview calls
/// it after every edit, so a result it kept would be memory lost for good.
final class ParallelMapTests: XCTestCase {
    private final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    func testResultsAreInOrderAndNotKept() {
        weak var first: Box?
        weak var last: Box?
        do {
            let boxes = Array(0..<64).parallelMap { Box($0) }
            XCTAssertEqual(boxes.map(\.value), Array(0..<64))
            first = boxes.first
            last = boxes.last
            XCTAssertNotNil(first)
        }
        XCTAssertNil(first, "a result outlives the array parallelMap returned")
        XCTAssertNil(last)
    }
}
