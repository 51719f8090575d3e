/// Turns a page's context structs into plain dictionaries and arrays before rendering.
///
/// swift-mustache reads structs through `Mirror`, reflecting anew on every tag and at every
/// level of the context stack; on a 1,500-document library that was a third of the build.
/// Reflecting each value once here and handing Mustache `[String: Any]` (which it reads by
/// key) keeps the templates' meaning — nil fields are left out, so a missing value is looked
/// up in the enclosing contexts exactly as before — at a fraction of the cost.
enum TemplateContext {
    static func flatten(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Double, is Bool, is Substring:
            return value
        case let array as [Any]:
            return array.map(flatten)
        case let dictionary as [String: Any]:
            return dictionary.compactMapValues(flattenOptional)
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { flatten($0.value) } as Any
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = flattenOptional(child.value) else { continue }
                fields[label] = field
            }
            return fields
        case .collection, .set:
            return mirror.children.map { flatten($0.value) }
        default:
            return value  // enums and other scalars render through their description
        }
    }

    /// The flattened value, or nil for an empty optional (so the key is simply absent).
    private static func flattenOptional(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return flattenOptional(wrapped)
        }
        return flatten(value)
    }
}
