import Foundation

/// An optional written as `null` when absent: the synthesized `Encodable` conformances leave
/// nil optionals out, and the open-data files and reports promise every key in every entry.
public struct Nullable<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    public let value: Wrapped?

    public init(_ value: Wrapped?) { self.value = value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension JSONEncoder {
    /// Sorted keys, two-space indentation, slashes as they are: the form of every JSON file
    /// and report the tool writes, so that equal content gives equal bytes.
    public static var stable: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}
