import PolicyCore

/// The SHA-256 of what a templated output is made from: the `policy` binary, the theme's
/// templates (all of them: a partial may be included from any template), the template's
/// name, the output's path and the view model as `TemplateEncoder` made it.
///
/// The view model is written out in one canonical form before it is hashed: each value
/// tagged with its type, strings and lists framed by their length, a dictionary's keys
/// sorted. Two models give the same key only when Mustache would see the same values.
struct PageKey {
    private var bytes: [UInt8] = []

    init(tool: String, templates: String, template: String, path: String, model: Any) {
        bytes.reserveCapacity(4096)
        for part in ["policy page 1", tool, templates, template, path] { string(part) }
        value(model)
    }

    var hex: String {
        var digest = ContentDigest()
        digest.add(bytes)
        return digest.hex
    }

    private mutating func value(_ value: Any) {
        switch value {
        case let text as String:
            bytes.append(UInt8(ascii: "s"))
            string(text)
        case let flag as Bool:
            bytes.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case let number as Int:
            bytes.append(UInt8(ascii: "i"))
            integer(number)
        case let number as Double:
            bytes.append(UInt8(ascii: "d"))
            integer(Int(bitPattern: UInt(number.bitPattern)))
        case let list as [Any]:
            bytes.append(UInt8(ascii: "a"))
            integer(list.count)
            for item in list { self.value(item) }
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "o"))
            integer(object.count)
            for key in object.keys.sorted() {
                string(key)
                self.value(object[key]!)
            }
        default:
            // TemplateEncoder makes nothing else; should it one day, the key must still
            // tell two values apart, so the type and description are hashed.
            bytes.append(UInt8(ascii: "?"))
            string("\(type(of: value)) \(value)")
        }
    }

    private mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    private mutating func integer(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { bytes.append(contentsOf: $0) }
    }
}
