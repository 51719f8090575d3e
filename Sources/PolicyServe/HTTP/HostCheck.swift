/// Which `Host` headers the preview answers: the names this machine's browser uses for the
/// listening address, with the listening port. A page on another site can make a browser
/// send requests here, and with DNS rebinding even read the answers — under its own host
/// name, which is not on this list, so it gets 403 (the defence Vite and webpack-dev-server
/// use). An IP-literal host cannot be rebound, so on a wildcard address (`--host 0.0.0.0`)
/// any IP literal is accepted.
public struct HostCheck: Sendable {
    private let names: Set<String>
    private let port: UInt16
    private let anyAddress: Bool

    /// `listening` is the --host value (an IP address, or `localhost`).
    public init(listening: String, port: UInt16) {
        let host = listening.lowercased()
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        names = ["localhost", "127.0.0.1", "[::1]", bracketed]
        self.port = port
        anyAddress = ["0.0.0.0", "[::]"].contains(bracketed)
    }

    /// Whether `host` (the Host header's value) names this server.
    public func accepts(_ host: String) -> Bool {
        let host = host.lowercased()
        // `name:port`, where an IPv6 name is bracketed and so may hold colons itself.
        let name: Substring, portText: Substring?
        if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
            (name, portText) = (host[..<colon], host[host.index(after: colon)...])
        } else {
            (name, portText) = (host[...], nil)
        }
        // Without a port, the URL's default (80) is meant.
        guard UInt16(portText ?? "80") == port else { return false }
        return names.contains(String(name)) || (anyAddress && Self.isIPLiteral(name))
    }

    static func isIPLiteral(_ name: Substring) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") {
            return name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
