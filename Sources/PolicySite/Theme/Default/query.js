//# allFunctionsCalledOnLoad
/*
 * query.js — the index over HTTP, and a query's hits: the manifest, meta.bin, each key's
 * shard or own piece by range request, kept for the page's life (PackedPieces.swift). An ES
 * module, no build step, no DOM: search.js draws the page from what it answers, and the
 * browser tests run it as it is against an index the Swift side built.
 *
 *   var index = await loadIndex(new URL('search/', siteRoot));
 *   await index.metaReady;
 *   var hits = await matchQuery(index, terms('明码标价'));   // tokenize.js terms
 */
import { decodeCharCounts, decodeIndexMeta, decodePositions, decodeShard, fnv1a32, inflate, utf8 } from './decode.js';
import { align, intersect } from './match.js';
import { isSingleChar, partsOf, str } from './tokenize.js';

var fetched = new Map();
function fetchBytes(url, options) {
  var key = String(url);
  if (!fetched.has(key)) {
    var p = fetch(url, options).then(function (r) {
      if (!r.ok) throw new Error('无法读取检索索引（' + r.status + '）');
      return r.arrayBuffer();
    }).then(function (buf) { return new Uint8Array(buf); });
    p.catch(function () { fetched.delete(key); });
    fetched.set(key, p);
  }
  return fetched.get(key);
}

/** The manifest, revalidated on every visit: it names the index folder of the current build. */
function loadManifest(searchRoot) {
  return fetchBytes(new URL('manifest.json', searchRoot), { cache: 'no-cache' }).then(function (bytes) {
    var manifest = JSON.parse(utf8.decode(bytes));
    if (manifest.format !== 2) throw new Error('检索索引格式不受支持');
    return manifest;
  });
}

var indexes = new Map();
/**
 * The index under `searchRoot` (a URL ending in `search/`): the manifest at once, and
 * `meta.bin` (facts, headers, piece tables) as a promise, `metaReady`: every query waits for
 * it, as it says where each key's shard is. When it is in, the index has `meta` (decode.js
 * decodeMeta), `headers`, `chunks`, `shards` and `externals` (decodeTables). A failed load is
 * forgotten, so the next call tries again.
 */
export function loadIndex(searchRoot) {
  var root = String(searchRoot);
  if (!indexes.has(root)) {
    var job = loadManifest(searchRoot).then(function (manifest) {
      var index = { manifest: manifest, base: new URL(manifest.index, searchRoot),
        pieces: new Map(), large: new Map(), terms: new Map() };
      index.metaReady = fetchBytes(new URL('meta.bin', index.base)).then(inflate).then(function (bytes) {
        var tables = decodeIndexMeta(bytes, manifest.shards);
        index.meta = tables.meta;
        index.headers = tables.headers;
        index.chunks = tables.chunks;
        index.shards = tables.shards;
        index.externals = tables.externals;
        return index.meta;
      });
      index.metaReady.catch(function () { indexes.delete(root); });
      return index;
    });
    job.catch(function () { indexes.delete(root); });
    indexes.set(root, job);
  }
  return indexes.get(root);
}

var wholePacks = new Map();
/**
 * The compressed bytes of pieces `ats` (adjacent in one pack), in one range request. A
 * server that ignores ranges sends the whole pack: it is kept, and every later piece of it cut.
 */
function fetchRange(index, ats) {
  var first = ats[0], last = ats[ats.length - 1], from = first.offset, to = last.offset + last.size;
  var url = String(new URL(first.folder + '/' + first.pack + '.bin', index.base)), whole = wholePacks.get(url);
  var cut = function (bytes, base) {
    return ats.map(function (at) { return bytes.subarray(at.offset - base, at.offset - base + at.size); });
  };
  if (whole) return whole.then(function (bytes) { return cut(bytes, 0); });
  return fetch(url, { headers: { Range: 'bytes=' + from + '-' + (to - 1) } }).then(function (r) {
    if (r.status === 206) {
      return r.arrayBuffer().then(function (buf) {
        if (buf.byteLength !== to - from) throw new Error('索引文件不完整');
        return cut(new Uint8Array(buf), from);
      });
    }
    if (!r.ok) throw new Error('无法读取检索索引（' + r.status + '）');
    var all = r.arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
    wholePacks.set(url, all);
    all.catch(function () { wholePacks.delete(url); });
    return all.then(function (bytes) { return cut(bytes, 0); });
  });
}

/** Pieces `ats` inflated, one promise each; adjacent pieces of one pack share a request. */
export function fetchPieces(index, ats) {
  var pieces = index.pieces, out = new Array(ats.length), run = [];
  function flush() {
    if (!run.length) return;
    var group = run;
    run = [];
    var job = fetchRange(index, group.map(function (g) { return g.at; }));
    group.forEach(function (g, j) {
      var p = job.then(function (parts) { return inflate(parts[j]); });
      p.catch(function () { pieces.delete(g.key); });
      pieces.set(g.key, p);
      out[g.i] = p;
    });
  }
  ats.forEach(function (at, i) {
    var key = at.folder + '/' + at.pack + ':' + at.offset;
    if (pieces.has(key)) { flush(); out[i] = pieces.get(key); return; }
    var prev = run.length ? run[run.length - 1].at : null;
    if (prev && (prev.pack !== at.pack || prev.folder !== at.folder || prev.offset + prev.size !== at.offset)) flush();
    run.push({ at: at, key: key, i: i });
  });
  flush();
  return out;
}
function piece(index, at) { return fetchPieces(index, [at])[0]; }

/** The compressed size of a large key's own piece (0: its postings are in its shard). */
function externalSize(index, name) {
  var at = index.externals.get(name);
  return at ? at.size : 0;
}

function shard(index, n) {
  return piece(index, index.shards[n]).then(function (bytes) {
    if (!bytes.shardEntries) bytes.shardEntries = decodeShard(bytes);
    return bytes.shardEntries;
  });
}

/**
 * The entry of a key (null when no record has it): a large key's straight from meta.bin's
 * list, with no shard read; any other's from its shard. Needs meta.bin (metaReady).
 */
function entry(index, name) {
  var at = index.externals.get(name);
  if (at) {
    if (!index.large.has(name)) index.large.set(name, { name: name, size: at.size, data: null, at: at });
    return Promise.resolve(index.large.get(name));
  }
  return shard(index, fnv1a32(name) % index.manifest.shards).then(function (entries) {
    return entries.get(name) || null;
  });
}

/** Decoded postings of an entry: Map record → Int32Array of positions (PostingBuilder.swift). */
function positions(index, e) {
  if (e.positions) return Promise.resolve(e.positions);
  var data = e.data ? Promise.resolve(e.data) : piece(index, e.at);
  return data.then(function (bytes) {
    if (!e.positions) e.positions = decodePositions(bytes);
    return e.positions;
  });
}

/** A `U` key's per-record counts: Map record → {count, first, firstBody}. */
function charCounts(index, e) {
  var data = e.data ? Promise.resolve(e.data) : piece(index, e.at);
  return data.then(decodeCharCounts);
}

/** Map record → {count, first, firstBody} of the term's matches (kept for the page's life). */
export function matchTerm(index, cps) {
  var id = str(cps), cache = index.terms;
  if (cache.has(id)) return cache.get(id);
  var job = index.metaReady.then(function () {
    if (isSingleChar(cps)) {
      return entry(index, 'U' + id).then(function (e) { return e ? charCounts(index, e) : new Map(); });
    }
    var parts = partsOf(cps, function (key) { return externalSize(index, key); });
    return Promise.all(parts.map(function (p) { return entry(index, p.key); })).then(function (entries) {
      if (entries.some(function (e) { return !e; })) return new Map();
      return Promise.all(entries.map(function (e) { return positions(index, e); }))
        .then(function (lists) { return align(index.meta.recs, parts, lists); });
    });
  });
  job.catch(function () { cache.delete(id); });
  cache.set(id, job);
  return job;
}

/** Every term's matches, intersected: [{rec, count, titleHits, snippetAt}] (AND), unranked. */
export function matchQuery(index, terms) {
  return Promise.all(terms.map(function (t) { return matchTerm(index, t); }).concat([index.metaReady])).then(function (maps) {
    maps.pop();
    return intersect(index.meta.recs, maps);
  });
}
