import PolicyCore

/// Pieces of one kind (postings: shards, then large keys' own; text chunks), each compressed on its own
/// (`Deflate`), laid end to end in a few large files, `<folder>/<n>.bin`: a bureau uploads a handful
/// of files instead of tens of thousands, and the browser fetches a piece with an HTTP range
/// request (or, from a server without ranges, the whole file once, and cuts it).
///
/// Where a piece is follows from the pieces before it: the tables in `meta.bin` give each
/// piece as `compressed size << 1 | starts the next file`, in order, and the browser adds
/// them up.
struct PackedPieces {
    /// A file ends before the piece that would take it past this size (a larger piece gets a
    /// file of its own). Large, so that the pieces of one kind a query needs are in one file,
    /// fetched in one request with several ranges (`search.js`): in the browser a request,
    /// not its bytes, is what a round of fetches costs. 32 MiB keeps each kind in one file
    /// up to about four times the real-law corpus.
    static let packBytes = 32 << 20

    /// Where piece i is: file, offset and compressed size.
    struct Location: Equatable {
        var pack: Int
        var offset: Int
        var size: Int
    }

    let folder: String
    /// Paths relative to the index folder, with their bytes.
    let files: [(path: String, bytes: [UInt8])]
    let locations: [Location]

    /// Packs `pieces` (compressed) in order, emptying each once it is in its file: a large
    /// library's index is not held twice.
    init(folder: String, taking pieces: inout [[UInt8]], packBytes: Int = Self.packBytes) {
        self.folder = folder
        var files: [(path: String, bytes: [UInt8])] = []
        var locations: [Location] = []
        var pack: [UInt8] = []
        for i in pieces.indices {
            let piece = pieces[i]
            pieces[i] = []
            if !pack.isEmpty, pack.count + piece.count > packBytes {
                files.append((Self.path(folder: folder, pack: files.count), pack))
                pack = []
            }
            locations.append(Location(pack: files.count, offset: pack.count, size: piece.count))
            pack.append(contentsOf: piece)
        }
        if !pack.isEmpty { files.append((Self.path(folder: folder, pack: files.count), pack)) }
        self.files = files
        self.locations = locations
    }

    static func path(folder: String, pack: Int) -> String { "\(folder)/\(pack).bin" }

    /// Piece i's table entry: its size, and whether it starts a new file.
    func code(_ i: Int) -> Int {
        let next = i > 0 && locations[i].pack != locations[i - 1].pack
        return locations[i].size << 1 | (next ? 1 : 0)
    }

    /// The locations a table of `code`s describes, in order.
    static func locations(codes: [Int]) -> [Location] {
        var pack = 0, offset = 0
        return codes.map { code in
            if code & 1 == 1 { pack += 1; offset = 0 }
            defer { offset += code >> 1 }
            return Location(pack: pack, offset: offset, size: code >> 1)
        }
    }
}
