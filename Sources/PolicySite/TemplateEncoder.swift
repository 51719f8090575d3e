import PolicyCore

/// Turns a page's context — `Encodable` structs — into the plain dictionaries, arrays and
/// scalars that swift-mustache reads fastest (by key, without reflection).
///
/// swift-mustache would read the structs through `Mirror`, reflecting anew on every tag and at
/// every level of the context stack; converting once with `Mirror` was still a large share of
/// a build (docs/benchmarks.md). The `Encodable` conformances the compiler writes walk the same fields with no
/// reflection at all. Nil optionals are left out (`encodeIfPresent`), so a missing value is
/// looked up in the enclosing contexts exactly as Mustache does for an absent key.
///
/// Written here because Foundation has no encoder to plain values (its encoders produce
/// JSON or property-list bytes).
enum TemplateEncoder {
    static func encode(_ value: some Encodable) throws -> Any {
        let root = Slot()
        try value.encode(to: SlotEncoder(slot: root))
        return root.value
    }
}

/// A place a value is written to: a scalar, or a keyed or unkeyed container still being filled.
private final class Slot {
    private var scalar: Any?
    private var object: [String: Slot]?
    private var array: [Slot]?

    /// The finished value; an untouched slot (a struct without fields) is an empty dictionary.
    var value: Any {
        if let scalar { return scalar }
        if let array { return array.map(\.value) }
        return (object ?? [:]).mapValues(\.value)
    }

    func set(_ value: Any) { scalar = value }

    func child(_ key: String) -> Slot {
        let slot = Slot()
        if object == nil { object = [:] }
        object![key] = slot
        return slot
    }

    func append() -> Slot {
        let slot = Slot()
        if array == nil { array = [] }
        array!.append(slot)
        return slot
    }

    func makeObject() { if object == nil && scalar == nil { object = [:] } }
    func makeArray() { if array == nil { array = [] } }
    var count: Int { array?.count ?? 0 }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.makeObject()
        return KeyedEncodingContainer(Keyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.makeArray()
        return Unkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }
}

/// Writes `value` into `slot`: scalars directly, anything else through its own `encode(to:)`.
private func store<T: Encodable>(_ value: T, in slot: Slot) throws {
    switch value {
    case let string as String: slot.set(string)
    case let int as Int: slot.set(int)
    case let bool as Bool: slot.set(bool)
    default: try value.encode(to: SlotEncoder(slot: slot))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { slot.child(key.stringValue).set(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.child(key.stringValue).set(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot.child(key.stringValue).set(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try store(value, in: slot.child(key.stringValue)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = slot.child(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(Keyed<NestedKey>(slot: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = slot.child(key.stringValue)
        child.makeArray()
        return Unkeyed(slot: child)
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.child("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(slot: slot.child(key.stringValue)) }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.count }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { slot.append().set(value) }
    mutating func encode(_ value: String) throws { slot.append().set(value) }
    mutating func encode(_ value: Double) throws { slot.append().set(value) }
    mutating func encode(_ value: Float) throws { slot.append().set(Double(value)) }
    mutating func encode(_ value: Int) throws { slot.append().set(value) }
    mutating func encode(_ value: Int8) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: Int16) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: Int32) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: Int64) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: UInt) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: UInt8) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: UInt16) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: UInt32) throws { slot.append().set(Int(value)) }
    mutating func encode(_ value: UInt64) throws { slot.append().set(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot.append()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = slot.append()
        child.makeObject()
        return KeyedEncodingContainer(Keyed<NestedKey>(slot: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = slot.append()
        child.makeArray()
        return Unkeyed(slot: child)
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.append()) }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { slot.set(value) }
    mutating func encode(_ value: String) throws { slot.set(value) }
    mutating func encode(_ value: Double) throws { slot.set(value) }
    mutating func encode(_ value: Float) throws { slot.set(Double(value)) }
    mutating func encode(_ value: Int) throws { slot.set(value) }
    mutating func encode(_ value: Int8) throws { slot.set(Int(value)) }
    mutating func encode(_ value: Int16) throws { slot.set(Int(value)) }
    mutating func encode(_ value: Int32) throws { slot.set(Int(value)) }
    mutating func encode(_ value: Int64) throws { slot.set(Int(value)) }
    mutating func encode(_ value: UInt) throws { slot.set(Int(value)) }
    mutating func encode(_ value: UInt8) throws { slot.set(Int(value)) }
    mutating func encode(_ value: UInt16) throws { slot.set(Int(value)) }
    mutating func encode(_ value: UInt32) throws { slot.set(Int(value)) }
    mutating func encode(_ value: UInt64) throws { slot.set(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot) }
}
