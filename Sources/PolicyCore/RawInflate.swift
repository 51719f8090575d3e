import CZlib

/// zlib's raw inflate (RFC 1951, window bits −15, no zlib or gzip wrapper): what the search
/// index's pieces are stored as (PolicySearch's `Deflate`) and what an XLSX's parts are
/// (PolicyLoad's `ZipEntries`). One implementation for both readers.
public enum RawInflate {
    /// The inflated bytes of one raw deflate stream; nil when it is not one, when it ends
    /// before `bytes` does and `wholeInput` asks that it not, or when the output would pass
    /// `limit` (a zip bomb stops there, not at the end of memory).
    public static func inflate(_ bytes: some Collection<UInt8>, limit: Int = .max, wholeInput: Bool = false) -> [UInt8]? {
        var input = Array(bytes)
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeMutableBufferPointer { src -> [UInt8]? in
            stream.next_in = src.baseAddress
            stream.avail_in = UInt32(src.count)
            while true {
                let (status, produced) = buffer.withUnsafeMutableBufferPointer { dst -> (Int32, Int) in
                    stream.next_out = dst.baseAddress
                    stream.avail_out = UInt32(dst.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, dst.count - Int(stream.avail_out))
                }
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit { return nil }
                if status == Z_STREAM_END { return !wholeInput || stream.avail_in == 0 ? output : nil }
                if status != Z_OK { return nil }
            }
        }
    }
}
