//# allFunctionsCalledOnLoad
/*
 * query.js — the index over HTTP, and a query's hits: the manifest, meta.bin, each key's
 * shard or own piece by range request (ranges.js: all of a round's ranges of one file in one
 * request), kept for the page's life (PackedPieces.swift). An ES
 * module, no build step, no DOM: search.js draws the page from what it answers, and the
 * browser tests run it as it is against an index the Swift side built.
 *
 *   var index = await loadIndex(new URL('search/', siteRoot));
 *   await index.metaReady;
 *   var hits = await matchQuery(index, terms('明码标价'));   // tokenize.js terms
 */
import { decodeCharCounts, decodeIndexMeta, decodePositions, decodeShard, fnv1a32, inflate, utf8 } from './decode.js';
import { align, intersect } from './match.js';
import { RangeReader } from './ranges.js';
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
    if (manifest.format !== 3) throw new Error('检索索引格式不受支持');
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
        pieces: new Map(), large: new Map(), terms: new Map(), reader: new RangeReader() };
      index.metaReady = fetchBytes(new URL('meta.bin', index.base)).then(inflate).then(function (bytes) {
        var tables = decodeIndexMeta(bytes, manifest.shards);
        index.meta = tables.meta;
        index.headers = tables.headers;
        index.chunks = tables.chunks;
        index.shards = tables.shards;
        index.externals = tables.externals;
        addBureaus(index.meta, manifest.bureaus);
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

/**
 * A system library's 层级 and 地区 of each document, from its issuers (the manifest's
 * `bureaus`, issuer → level and region): `d.levels` and `d.regions`, empty on a single
 * bureau's site, so those facet groups show nothing there.
 */
function addBureaus(meta, bureaus) {
  var issuers = meta.header.issuers;
  meta.docs.forEach(function (d) {
    d.levels = [];
    d.regions = [];
    if (!bureaus) return;
    d.issuers.forEach(function (i) {
      var b = bureaus[issuers[i]];
      if (!b) return;
      if (d.levels.indexOf(b.level) < 0) d.levels.push(b.level);
      if (d.regions.indexOf(b.region) < 0) d.regions.push(b.region);
    });
  });
}

/**
 * Pieces `ats` inflated, one promise each. Those not fetched yet go in one request per file,
 * all their ranges in it (ranges.js): a round of a query costs a request per file it
 * touches — one: the postings, then the text — whatever the number of its pieces.
 */
export function fetchPieces(index, ats) {
  var pieces = index.pieces, out = new Array(ats.length), files = new Map(), wanted = new Map();
  ats.forEach(function (at, i) {
    var key = at.folder + '/' + at.pack + ':' + at.offset;
    if (pieces.has(key)) { out[i] = pieces.get(key); return; }
    if (wanted.has(key)) { wanted.get(key).slots.push(i); return; }
    var url = String(new URL(at.folder + '/' + at.pack + '.bin', index.base)), w = { at: at, key: key, slots: [i] };
    wanted.set(key, w);
    if (!files.has(url)) files.set(url, []);
    files.get(url).push(w);
  });
  files.forEach(function (list, url) {
    var job = index.reader.read(url, list.map(function (w) { return [w.at.offset, w.at.offset + w.at.size]; }));
    list.forEach(function (w, j) {
      var p = job.then(function (parts) { return inflate(parts[j]); });
      p.catch(function () { pieces.delete(w.key); });
      pieces.set(w.key, p);
      w.slots.forEach(function (i) { out[i] = p; });
    });
  });
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

/** Where the postings of the keys of `terms` are: a shard or a large key's own piece each (meta.bin alone says). */
function keyPieces(index, terms) {
  var ats = [];
  terms.forEach(function (cps) {
    var keys = isSingleChar(cps) ? ['U' + str(cps)] : partsOf(cps, function (key) { return externalSize(index, key); }).map(function (p) { return p.key; });
    keys.forEach(function (key) { ats.push(index.externals.get(key) || index.shards[fnv1a32(key) % index.manifest.shards]); });
  });
  return ats;
}

/** Every term's matches, intersected: [{rec, count, titleHits, snippetAt}] (AND), unranked. */
export function matchQuery(index, terms) {
  // The query's first round: every piece its new terms read, requested together (one
  // request per file) before each term asks for its own, which then finds it requested.
  var fresh = terms.filter(function (cps) { return !index.terms.has(str(cps)); });
  index.metaReady.then(function () { fetchPieces(index, keyPieces(index, fresh)); }, function () {});
  return Promise.all(terms.map(function (t) { return matchTerm(index, t); }).concat([index.metaReady])).then(function (maps) {
    maps.pop();
    return intersect(index.meta.recs, maps);
  });
}
