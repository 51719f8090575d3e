import CZlib
import PolicyCore

/// Raw deflate (RFC 1951, no zlib or gzip wrapper), as the browser's
/// `DecompressionStream('deflate-raw')` reads it: every piece of the index is compressed on
/// its own, so that the browser can inflate one piece fetched by a byte range.
enum Deflate {
    /// `bytes` compressed at zlib's default level: level 9 gains under one per cent on the
    /// index and takes twice as long.
    static func compress(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var input = Array(bytes)
        var stream = z_stream()
        // windowBits −15: raw deflate with a 32 KB window.
        let ready = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        precondition(ready == Z_OK, "zlib deflateInit2 failed (\(ready))")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status = input.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate did not finish (\(status))")
        // A copy of the exact size: the buffer, sized for the worst case, would keep the
        // uncompressed size in memory for every piece.
        return Array(output[0..<Int(stream.total_out)])
    }

    /// The bytes `compress` compressed; nil when `bytes` is not a whole raw deflate stream.
    static func decompress(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        RawInflate.inflate(bytes, wholeInput: true)
    }
}
