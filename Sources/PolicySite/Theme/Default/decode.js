//# allFunctionsCalledOnLoad
/*
 * decode.js — the index's bytes into numbers and tables, as Sources/PolicySearch writes them:
 * raw deflate (inflate), varints, meta.bin (SearchMeta.swift, IndexTables.swift) with its piece
 * tables, shards (ShardLayout.swift) and postings (PostingSegment.swift). An ES module, no
 * build step, no DOM and no network: it loads without a page; query.js fetches the bytes.
 */

export var utf8 = new TextDecoder('utf-8');
var encoder = new TextEncoder();

/** A cursor over bytes reading varints (Varint.swift). */
export function Reader(bytes) { this.b = bytes; this.i = 0; }
Reader.prototype.varint = function () {
  var v = 0, mul = 1, b;
  do {
    if (this.i >= this.b.length) throw new Error('索引文件不完整');
    b = this.b[this.i++];
    v += (b & 0x7F) * mul;
    mul *= 128;
  } while (b >= 0x80);
  return v;
};
Reader.prototype.signed = function () { var v = this.varint(); return v % 2 === 0 ? v / 2 : -(v + 1) / 2; };
Reader.prototype.list = function () { var n = this.varint(), a = []; while (n--) a.push(this.varint()); return a; };
Reader.prototype.take = function (n) { var s = this.b.subarray(this.i, this.i + n); this.i += n; return s; };

/** FNV-1a, 32 bits, of a string's UTF-8: which shard a key lives in (Varint.swift). */
export function fnv1a32(text) {
  var h = 0x811C9DC5, bytes = encoder.encode(text);
  for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h >>> 0;
}

/** Raw deflate → bytes. */
export function inflate(bytes) {
  if (typeof DecompressionStream === 'undefined') return Promise.reject(new Error('浏览器版本过旧，无法读取检索索引'));
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
}

/**
 * meta.bin, inflated: { meta: the facts (decodeMeta), headers, chunks, shards, externals }
 * (decodeTables). `shardCount` comes from the manifest.
 */
export function decodeIndexMeta(bytes, shardCount) {
  var r = new Reader(bytes), facts = r.take(r.varint());
  var meta = decodeMeta(facts);
  var tables = decodeTables(meta.recs.length, shardCount, r);
  tables.meta = meta;
  return tables;
}

/**
 * The rest of meta.bin (IndexTables.swift): each record's path, title and 文号; where each
 * record's text chunks, each shard and each large key's postings are.
 */
export function decodeTables(n, shardCount, r) {
  var headers = [], chunks = [], rec, k;
  for (rec = 0; rec < n; rec++) {
    headers.push({ path: utf8.decode(r.take(r.varint())), title: utf8.decode(r.take(r.varint())),
      number: utf8.decode(r.take(r.varint())) });
  }
  var text = pieceTable('t');
  for (rec = 0; rec < n; rec++) {
    var list = [];
    for (k = r.varint(); k > 0; k--) list.push(text(r.varint()));
    chunks.push(list);
  }
  var shards = [], shardAt = pieceTable('p');
  for (k = 0; k < shardCount; k++) shards.push(shardAt(r.varint()));
  var externals = new Map(), large = pieceTable('k');
  for (k = r.varint(); k > 0; k--) {
    var name = utf8.decode(r.take(r.varint()));
    externals.set(name, large(r.varint()));
  }
  return { headers: headers, chunks: chunks, shards: shards, externals: externals };
}

/** Reads a table of piece codes (size × 2 + starts the next file) into locations, in order. */
export function pieceTable(folder) {
  var pack = 0, offset = 0;
  return function (code) {
    if (code % 2 === 1) { pack++; offset = 0; }
    var size = Math.floor(code / 2), at = { folder: folder, pack: pack, offset: offset, size: size };
    offset += size;
    return at;
  };
}

/** meta.bin's facts, laid out as SearchMeta.swift describes. */
export function decodeMeta(bytes) {
  var r = new Reader(bytes);
  var header = JSON.parse(utf8.decode(r.take(r.varint())));
  var siteIssuers = header.siteIssuer === undefined || header.siteIssuer === null ? [] : [header.siteIssuer];
  var docs = [], recs = [], prevPub = 0;
  for (var i = 0; i < header.documents; i++) {
    var flags = r.varint(), d = { index: i, kind: flags & 3 };
    d.published = prevPub + r.signed();
    prevPub = d.published;
    d.effective = d.published + r.signed();
    d.expires = flags & 4 ? d.effective + r.signed() : null;
    d.repealed = flags & 8 ? d.published + r.signed() : null;
    d.office = flags & 16 ? r.varint() : null;
    d.issuers = flags & 32 ? r.list() : siteIssuers;
    d.topics = r.list();
    d.endings = [];
    if (flags & 64) for (var n = r.varint(); n > 0; n--) d.endings.push({ date: d.published + r.signed(), outcome: r.varint() });
    d.successors = r.list();
    docs.push(d);
    recs.push({ doc: d, form: 0, published: d.published, office: d.office, bodyStart: r.varint() });
    for (var m = r.varint(); m > 0; m--) {
      var f = r.varint();
      var pub = f & 1 ? d.published + r.signed() : d.published;
      var office = f & 2 ? r.varint() : d.office;
      recs.push({ doc: d, form: f >> 2, published: pub, office: office, bodyStart: r.varint() });
    }
  }
  recs.forEach(function (rec, k) { rec.index = k; rec.year = new Date(rec.published * 86400000).getUTCFullYear(); });
  return { header: header, docs: docs, recs: recs };
}

/**
 * An inflated shard → Map key name → entry {name, size, data, at: null}. A large key's stub
 * (its postings are elsewhere, and meta.bin names it) is left out.
 */
export function decodeShard(bytes) {
  var r = new Reader(bytes), entries = new Map();
  for (var j = 0, count = r.varint(); j < count; j++) {
    var name = utf8.decode(r.take(r.varint())), sz = r.varint();
    var external = sz % 2 === 1, size = Math.floor(sz / 2);
    if (!external) entries.set(name, { name: name, size: size, data: r.take(size), at: null });
  }
  return entries;
}

/**
 * Postings bytes → Map record → Int32Array of positions. The varints are read inline, with
 * local variables: this runs on a cold page for every query's largest lists, where a
 * Reader call per number cost about a third more.
 */
export function decodePositions(bytes) {
  var map = new Map(), rec = -1, i = 0, n = bytes.length, b, v, mul;
  while (i < n) {
    b = bytes[i++]; v = b & 127; mul = 128;
    while (b >= 128) { b = bytes[i++]; v += (b & 127) * mul; mul *= 128; }
    rec += v + 1;
    b = bytes[i++]; v = b & 127; mul = 128;
    while (b >= 128) { b = bytes[i++]; v += (b & 127) * mul; mul *= 128; }
    var list = new Int32Array(v), p = 0;
    for (var k = 0; k < list.length; k++) {
      b = bytes[i++]; v = b & 127; mul = 128;
      while (b >= 128) { b = bytes[i++]; v += (b & 127) * mul; mul *= 128; }
      p += v;
      list[k] = p;
    }
    if (i > n) throw new Error('索引文件不完整');
    map.set(rec, list);
  }
  return map;
}

/** A `U` key's postings → Map record → {count, first, firstBody} (-1: none in the body). */
export function decodeCharCounts(bytes) {
  var r = new Reader(bytes), map = new Map(), rec = -1;
  while (r.i < bytes.length) {
    rec += r.varint() + 1;
    var count = r.varint(), first = r.varint(), body = r.varint();
    map.set(rec, { count: count, first: first, firstBody: body === 0 ? -1 : first + body - 1 });
  }
  return map;
}
