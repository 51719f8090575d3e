//# allFunctionsCalledOnLoad
/*
 * search.js — full-text search, facets and point-in-time statuses for the policy library.
 * Plain JavaScript, no framework, no build step. Progressive enhancement: the search page
 * works as a plain form without it (and says so in <noscript>).
 *
 * It reads the static index written by `policy build` (Sources/PolicySearch/):
 *   search/manifest.json          the index folder, shard count, chunk size, time zone
 *   search/idx-<hash>/meta.bin    loaded with the page: facts per record (SearchMeta.swift), each
 *                                 record's path, title and 文号, and where every piece below is
 *                                 (IndexTables.swift)
 *   search/idx-<hash>/p/<n>.bin   postings shards (ShardLayout.swift), packed end to end
 *   search/idx-<hash>/k/<n>.bin   large keys' postings, packed
 *   search/idx-<hash>/t/<n>.bin   text chunks for snippets (TextChunks.swift), packed
 * Every piece (and meta.bin) is raw deflate, inflated here with DecompressionStream; a piece is
 * fetched with an HTTP range request (PackedPieces.swift). A query makes one round of requests
 * for its keys and shows its result list, then one for the snippets.
 * The tokenisation below mirrors Tokenizer.swift (read its doc comment first). Statuses come
 * from status.js, the one port of Library.status(of:at:) (Sources/PolicyModel/Status.swift)
 * that every page shares. An ES module (<script type="module">), so it runs deferred.
 * Content never becomes markup: the DOM is built with createElement and textContent only.
 * The first line asks V8 to compile every function while the page loads, not on the first query.
 */
import { STATUS_CODES, dayOf, isoOf, statusOf, today } from './status.js';
import { RangeReader } from './ranges.js';

(function () {
  var scriptURL = import.meta.url;
  var form = document.querySelector('form.search-form') || (document.getElementById('q') || {}).form;
  var input = form && form.elements.namedItem('q');
  var live = document.getElementById('search-results');
  if (!form || !input || !live) return;

  var siteRoot = new URL('../', scriptURL);           // search.js lives in <root>/assets/
  var searchRoot = new URL('search/', siteRoot);
  var PAGE_SIZE = 10;
  var FACETS = [
    { key: 'kind', label: '文件类别' },
    { key: 'status', label: '时效性' },
    { key: 'form', label: '正文或解读' },
    { key: 'year', label: '发布年份' },
    { key: 'topic', label: '主题分类' },
    { key: 'issuer', label: '发布机关' },
    { key: 'office', label: '起草处室' }
  ];
  var CURRENT = { 'in-force': true, 'not-yet-in-force': true };

  // ---------------------------------------------------------------- tokenisation (Tokenizer.swift)

  function fold(c) {
    if (c >= 0x41 && c <= 0x5A) return c + 0x20;
    if (c === 0x28 || c === 0x5B || c === 0x3010 || c === 0xFF08 || c === 0xFF3B) return 0x3014;
    if (c === 0x29 || c === 0x5D || c === 0x3011 || c === 0xFF09 || c === 0xFF3D) return 0x3015;
    return c;
  }
  function isSpace(c) {
    if (c <= 0x20 || (c >= 0x7F && c <= 0xA0)) return true;
    if (c < 0x1680) return false;
    return c === 0x1680 || (c >= 0x2000 && c <= 0x200B) || c === 0x2028 || c === 0x2029 ||
      c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
  }
  function isWord(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A);
  }
  function codePoints(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.codePointAt(i);
      if (c > 0xFFFF) i++;
      out.push(c);
    }
    return out;
  }
  /** The query's terms: normalised code points, split at spaces. */
  function termsOf(query) {
    var terms = [], cur = [];
    codePoints(query).forEach(function (c) {
      c = fold(c);
      if (isSpace(c)) { if (cur.length) { terms.push(cur); cur = []; } } else cur.push(c);
    });
    if (cur.length) terms.push(cur);
    return terms;
  }
  /** Word runs and char runs of a term, with their offsets. */
  function segmentsOf(cps) {
    var segs = [];
    for (var i = 0; i < cps.length;) {
      var word = isWord(cps[i]), j = i + 1;
      while (j < cps.length && isWord(cps[j]) === word) j++;
      segs.push({ word: word, start: i, cps: cps.slice(i, j) });
      i = j;
    }
    return segs;
  }
  function str(cps) { return String.fromCodePoint.apply(null, cps); }

  // ---------------------------------------------------------------- bytes

  function Reader(bytes) { this.b = bytes; this.i = 0; }
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

  var utf8 = new TextDecoder('utf-8');
  var utf16 = new TextDecoder('utf-16le');
  var encoder = new TextEncoder();

  function fnv1a32(text) {
    var h = 0x811C9DC5, bytes = encoder.encode(text);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }

  // ---------------------------------------------------------------- index loading

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
  function loadManifest() {
    return fetchBytes(new URL('manifest.json', searchRoot), { cache: 'no-cache' }).then(function (bytes) {
      var manifest = JSON.parse(utf8.decode(bytes));
      if (manifest.format !== 2) throw new Error('检索索引格式不受支持');
      return manifest;
    });
  }

  var indexPromise = null;
  /**
   * The index: the manifest at once, and `meta.bin` (facts, headers, piece tables) as a
   * promise, `metaReady`: every query waits for it, as it says where each key's shard is.
   */
  function loadIndex() {
    if (!indexPromise) {
      indexPromise = loadManifest().then(function (manifest) {
        var index = { manifest: manifest, base: new URL(manifest.index, searchRoot) };
        index.metaReady = fetchBytes(new URL('meta.bin', index.base)).then(inflate).then(function (bytes) {
          var r = new Reader(bytes), facts = r.take(r.varint());
          index.meta = decodeMeta(facts);
          decodeTables(index, r);
          return index.meta;
        });
        index.metaReady.catch(function () { indexPromise = null; });
        // For the tests and the benchmark: what the page fetches when it opens is in.
        index.metaReady.then(function () { live.dataset.indexLoaded = 'true'; }, function () {});
        return index;
      });
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

  /**
   * The rest of meta.bin (IndexTables.swift): each record's path, title and 文号; where each
   * record's text chunks, each shard and each large key's postings are.
   */
  function decodeTables(index, r) {
    var n = index.meta.recs.length, headers = [], chunks = [], rec, k;
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
    for (k = 0; k < index.manifest.shards; k++) shards.push(shardAt(r.varint()));
    var externals = new Map(), large = pieceTable('k');
    for (k = r.varint(); k > 0; k--) {
      var name = utf8.decode(r.take(r.varint()));
      externals.set(name, large(r.varint()));
    }
    index.headers = headers;
    index.chunks = chunks;
    index.shards = shards;
    index.externals = externals;
  }

  /** Reads a table of piece codes (size × 2 + starts the next file) into locations, in order. */
  function pieceTable(folder) {
    var pack = 0, offset = 0;
    return function (code) {
      if (code % 2 === 1) { pack++; offset = 0; }
      var size = Math.floor(code / 2), at = { folder: folder, pack: pack, offset: offset, size: size };
      offset += size;
      return at;
    };
  }

  /** Raw deflate → bytes. */
  function inflate(bytes) {
    if (typeof DecompressionStream === 'undefined') return Promise.reject(new Error('浏览器版本过旧，无法读取检索索引'));
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
  }

  var reader = new RangeReader(), pieces = new Map();
  /**
   * Pieces `ats` inflated, one promise each. Those not fetched yet go in one request per
   * file, all their ranges in it (ranges.js): a round of a query costs a request per file
   * it touches, whatever the number of its pieces.
   */
  function fetchPieces(index, ats) {
    var out = new Array(ats.length), files = new Map(), wanted = new Map();
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
      var job = reader.read(url, list.map(function (w) { return [w.at.offset, w.at.offset + w.at.size]; }));
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

  /** meta.bin, laid out as SearchMeta.swift describes. */
  function decodeMeta(bytes) {
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

  /** The compressed size of a large key's own piece (0: its postings are in its shard). */
  function externalSize(index, name) {
    var at = index.externals.get(name);
    return at ? at.size : 0;
  }

  function shard(index, n) {
    return piece(index, index.shards[n]).then(function (bytes) {
      if (!bytes.shardEntries) {
        var r = new Reader(bytes), entries = new Map();
        for (var j = 0, count = r.varint(); j < count; j++) {
          var name = utf8.decode(r.take(r.varint())), sz = r.varint();
          var external = sz % 2 === 1, size = Math.floor(sz / 2);
          // a large key's stub (its postings are elsewhere, and meta.bin names it) is left out
          if (!external) entries.set(name, { name: name, size: size, data: r.take(size), at: null });
        }
        bytes.shardEntries = entries;
      }
      return bytes.shardEntries;
    });
  }

  var largeEntries = new Map();
  /**
   * The entry of a key (null when no record has it): a large key's straight from meta.bin's
   * list, with no shard read; any other's from its shard. Needs meta.bin (metaReady).
   */
  function entry(index, name) {
    var at = index.externals.get(name);
    if (at) {
      if (!largeEntries.has(name)) largeEntries.set(name, { name: name, size: at.size, data: null, at: at });
      return Promise.resolve(largeEntries.get(name));
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

  /**
   * Postings bytes → Map record → Int32Array of positions. The varints are read inline, with
   * local variables: this runs on a cold page for every query's largest lists, where a
   * Reader call per number cost about a third more.
   */
  function decodePositions(bytes) {
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

  /** A `U` key's per-record counts: Map record → {count, first, firstBody}. */
  function charCounts(index, e) {
    var data = e.data ? Promise.resolve(e.data) : piece(index, e.at);
    return data.then(function (bytes) {
      var r = new Reader(bytes), map = new Map(), rec = -1;
      while (r.i < bytes.length) {
        rec += r.varint() + 1;
        var count = r.varint(), first = r.varint(), body = r.varint();
        map.set(rec, { count: count, first: first, firstBody: body === 0 ? -1 : first + body - 1 });
      }
      return map;
    });
  }

  // ---------------------------------------------------------------- matching

  /**
   * The parts of a term (Tokenizer.swift, 4.): keys with offsets. A run of 5 or more chars
   * keeps the pairs that cover it with the fewest bytes of large postings, whose sizes
   * meta.bin gives: the cover costs no request.
   */
  function partsOf(index, cps) {
    var jobs = segmentsOf(cps).map(function (s, i) {
      if (s.word) return [{ key: 'T' + str(s.cps), offset: s.start }];
      var n = s.cps.length;
      if (n === 1) {
        var key = i > 0 ? 'L' : 'R';     // next to a token: it starts (or ends) a char run in the text
        return [{ key: key + str(s.cps), offset: s.start }];
      }
      var all = [];
      for (var k = 0; k < n - 1; k++) all.push({ key: 'B' + str([s.cps[k], s.cps[k + 1]]), offset: s.start + k });
      var pick = function (ks) { return ks.map(function (k) { return all[k]; }); };
      if (n <= 4) return pick(n === 2 ? [0] : n === 3 ? [0, 1] : [0, 2]);
      // If a pair left out occurs nowhere, neither does the run, and the pairs kept, which fix
      // every char, find nothing: the cover needs no shard of the pairs it leaves out.
      return pick(cheapestCover(all.map(function (p) { return externalSize(index, p.key); })));
    });
    return [].concat.apply([], jobs);
  }

  /** Offsets of pairs covering every char of a run (consecutive picks at most 2 apart), cheapest first. */
  function cheapestCover(cost) {
    // best[i]: [bytes, pairs] of the cheapest cover of chars 0…i+1 whose last pick is i
    var best = [], from = [];
    for (var i = 0; i < cost.length; i++) {
      if (i === 0) { best.push([cost[0], 1]); from.push(-1); continue; }
      var pick = i - 1;
      if (i >= 2 && (best[i - 2][0] < best[i - 1][0] || (best[i - 2][0] === best[i - 1][0] && best[i - 2][1] <= best[i - 1][1]))) pick = i - 2;
      best.push([best[pick][0] + cost[i], best[pick][1] + 1]);
      from.push(pick);
    }
    var picks = [];
    for (var k = cost.length - 1; k >= 0; k = from[k]) picks.unshift(k);
    return picks;
  }

  /** Where the postings of the keys of `terms` are (meta.bin alone says). */
  function keyPieces(index, terms) {
    var ats = [];
    terms.forEach(function (cps) {
      var keys = cps.length === 1 && !isWord(cps[0]) ? ['U' + str(cps)] : partsOf(index, cps).map(function (p) { return p.key; });
      keys.forEach(function (key) {
        ats.push(index.externals.get(key) || index.shards[fnv1a32(key) % index.manifest.shards]);
      });
    });
    return ats;
  }

  var termCache = new Map();
  /** Map record → {count, first, firstBody} of the term's matches. */
  function matchTerm(index, cps) {
    var id = str(cps);
    if (termCache.has(id)) return termCache.get(id);
    var job = index.metaReady.then(function () {
      if (cps.length === 1 && !isWord(cps[0])) {
        return entry(index, 'U' + id).then(function (e) { return e ? charCounts(index, e) : new Map(); });
      }
      var parts = partsOf(index, cps);
      return Promise.all(parts.map(function (p) { return entry(index, p.key); })).then(function (entries) {
        if (entries.some(function (e) { return !e; })) return new Map();
        return Promise.all(entries.map(function (e) { return positions(index, e); }))
          .then(function (lists) { return align(index.meta.recs, parts, lists); });
      });
    });
    job.catch(function () { termCache.delete(id); });
    termCache.set(id, job);
    return job;
  }

  /** Records where every part is found at start + its offset, with count and first starts. */
  function align(recs, parts, lists) {
    var out = new Map(), driver = 0;
    lists.forEach(function (l, i) { if (l.size < lists[driver].size) driver = i; });
    lists[driver].forEach(function (driverPositions, rec) {
      var others = [];
      for (var i = 0; i < lists.length; i++) {
        if (i === driver) continue;
        var l = lists[i].get(rec);
        if (!l) return;
        others.push({ list: l, offset: parts[i].offset, at: 0 });
      }
      var bodyStart = recs[rec].bodyStart, count = 0, first = -1, firstBody = -1;
      for (var k = 0; k < driverPositions.length; k++) {
        var start = driverPositions[k] - parts[driver].offset;
        if (start < 0) continue;
        var ok = true;
        // starts only grow, so each list is walked once (a merge) rather than searched per start
        for (var j = 0; j < others.length && ok; j++) ok = reaches(others[j], start + others[j].offset);
        if (!ok) continue;
        count++;
        if (first < 0) first = start;
        if (firstBody < 0 && start >= bodyStart) firstBody = start;
      }
      if (count) out.set(rec, { count: count, first: first, firstBody: firstBody });
    });
    return out;
  }

  /** Whether a sorted list holds `value`, its cursor moved past smaller values (values asked only grow). */
  function reaches(cursor, value) {
    var l = cursor.list, at = cursor.at;
    while (at < l.length && l[at] < value) at++;
    cursor.at = at;
    return at < l.length && l[at] === value;
  }

  /** Every term's matches, intersected: [{rec, count, titleHits, first}] (AND). */
  function matchQuery(index, terms) {
    // The query's first round: every piece its new terms read (a shard or a large key's own
    // postings per key), requested together before each term asks for its own.
    var fresh = terms.filter(function (cps) { return !termCache.has(str(cps)); });
    index.metaReady.then(function () { fetchPieces(index, keyPieces(index, fresh)); }, function () {});
    return Promise.all(terms.map(function (t) { return matchTerm(index, t); }).concat([index.metaReady])).then(function (maps) {
      maps.pop();
      var smallest = maps.reduce(function (a, b) { return b.size < a.size ? b : a; });
      var hits = [];
      smallest.forEach(function (_, rec) {
        var count = 0, titleHits = 0, first = -1, firstBody = -1, bodyStart = index.meta.recs[rec].bodyStart;
        for (var i = 0; i < maps.length; i++) {
          var m = maps[i].get(rec);
          if (!m) return;
          count += m.count;
          if (m.first < bodyStart) titleHits++;
          if (first < 0) first = m.first;
          if (m.firstBody >= 0 && (firstBody < 0 || m.firstBody < firstBody)) firstBody = m.firstBody;
        }
        hits.push({ rec: index.meta.recs[rec], count: count, titleHits: titleHits, snippetAt: firstBody >= 0 ? firstBody : -1 });
      });
      return hits;
    });
  }

  // ---------------------------------------------------------------- state and URL

  function emptyFilters() { var f = {}; FACETS.forEach(function (g) { f[g.key] = []; }); return f; }

  function stateFromURL() {
    var p = new URLSearchParams(location.search), filters = emptyFilters();
    FACETS.forEach(function (g) { filters[g.key] = p.getAll(g.key); });
    var page = parseInt(p.get('page') || '1', 10);
    return { q: p.get('q') || '', date: dayOf(p.get('date')) === null ? '' : p.get('date'),
      all: p.get('all') === '1', filters: filters, page: page > 0 ? page : 1 };
  }

  function urlOf(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    if (s.date) p.set('date', s.date);
    if (s.all) p.set('all', '1');
    FACETS.forEach(function (g) { s.filters[g.key].forEach(function (v) { p.append(g.key, v); }); });
    if (s.page > 1) p.set('page', String(s.page));
    var q = p.toString();
    return location.pathname + (q ? '?' + q : '') + location.hash;
  }

  var state = stateFromURL();

  // The address follows the state, but is written while the query waits for its text windows
  // (render), not before the query starts: history.replaceState and pushState can block the page
  // for 10 ms or more. Changes are applied in order; a replace only changes the last one's address.
  // The timer only matters when no result comes.
  var urlChanges = [], urlTimer = 0;
  function commit(push) {
    var url = urlOf(state), last = urlChanges[urlChanges.length - 1];
    if (!push && last) last.url = url; else urlChanges.push({ push: push, url: url });
    if (!urlTimer) urlTimer = setTimeout(applyURL, 200);
  }
  /** Writes the pending address changes. */
  function applyURL() {
    clearTimeout(urlTimer);
    urlTimer = 0;
    var changes = urlChanges;
    urlChanges = [];
    changes.forEach(function (c) {
      if (c.url === location.pathname + location.search + location.hash) return;
      if (c.push) history.pushState(null, '', c.url); else history.replaceState(null, '', c.url);
    });
  }

  // ---------------------------------------------------------------- the page

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  var dateInput = el('input', { type: 'date', id: 'search-date', name: 'date' });
  var todayButton = el('button', { type: 'button', className: 'search-secondary', text: '回到今天' });
  var allButton = el('button', { type: 'button', className: 'search-secondary', 'aria-pressed': 'false' });
  var controls = el('div', { className: 'search-controls' }, [
    el('p', { className: 'search-date' }, [
      el('label', { for: 'search-date', text: '在某日有效的文件：' }), dateInput, ' ', todayButton
    ]),
    el('p', { className: 'search-scope' }, [allButton])
  ]);
  var facetsBox = el('div', { className: 'search-facets', role: 'group', 'aria-label': '筛选' });
  var list = el('ol', { className: 'entries search-hits', 'aria-label': '检索结果' });
  var moreButton = el('button', { type: 'button', className: 'search-more', hidden: 'hidden', text: '显示更多结果' });
  var layout = el('div', { className: 'search-layout' }, [
    el('aside', { className: 'search-aside', 'aria-label': '筛选条件' }, [facetsBox]),
    el('div', { className: 'search-main' }, [list, moreButton])
  ]);
  // The interface's own styles: an external file (no inline styles), only when this script runs.
  document.head.appendChild(el('link', { rel: 'stylesheet', href: new URL('search.css', scriptURL).href }));
  form.parentNode.insertBefore(controls, form.nextSibling);
  live.parentNode.insertBefore(layout, live.nextSibling);
  live.setAttribute('role', 'status');
  live.classList.add('search-summary');

  input.value = state.q;

  var generation = 0, lastHits = [], lastShown = [], timeZone = 'Asia/Shanghai';

  function run(t0, focusFirst) {
    var my = ++generation, q = state.q, terms = termsOf(q);
    live.dataset.state = 'busy';
    return loadIndex().then(function (index) {
      timeZone = index.manifest.timeZone || timeZone;
      if (!dateInput.value || dateInput.value !== (state.date || today(timeZone))) dateInput.value = state.date || today(timeZone);
      var browsing = terms.length === 0;
      if (browsing && !state.date && !anyFilter()) {
        if (my === generation) clearResults(q);
        return null;
      }
      var hitsJob = browsing ? index.metaReady.then(function (meta) {
        return meta.recs.map(function (rec) { return { rec: rec, count: 0, titleHits: 0, snippetAt: -1 }; });
      }) : matchQuery(index, terms);
      return hitsJob.then(function (hits) {
        if (my !== generation) return null;
        return render(index, hits, terms, my, t0, focusFirst);
      });
    }).catch(function (err) {
      if (my !== generation) return;
      clear(list);
      applyURL();
      live.textContent = '检索暂时无法使用：' + (err && err.message ? err.message : err) + '。请按文件库浏览。';
      live.dataset.state = 'error';
    });
  }

  function anyFilter() {
    return FACETS.some(function (g) { return state.filters[g.key].length > 0; }) || state.all;
  }

  function clearResults(q) {
    applyURL();
    clear(list); clear(facetsBox);
    moreButton.hidden = true;
    live.textContent = '';
    live.dataset.state = 'done';
    live.dataset.query = q;
    live.dataset.count = '0';
    updateAllButton(0);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /** Facet values of a hit, as the strings used in the URL. */
  function valuesOf(index, hit, key) {
    var out = [];
    eachValue(hit, key, function (v) { out.push(facetValue(index, key, v)); });
    return out;
  }

  /**
   * Calls `fn` with each of a hit's values in a facet group, as numbers into the header's
   * lists (the status as its code): counting facets over every hit builds no strings.
   */
  function eachValue(hit, key, fn) {
    var rec = hit.rec, d = rec.doc, i;
    switch (key) {
      case 'kind': fn(d.kind); break;
      case 'status': fn(hit.status); break;
      case 'form': fn(rec.form); break;
      case 'year': fn(rec.year); break;
      case 'topic': for (i = 0; i < d.topics.length; i++) fn(d.topics[i]); break;
      case 'issuer': for (i = 0; i < d.issuers.length; i++) fn(d.issuers[i]); break;
      case 'office': if (rec.office !== null) fn(rec.office); break;
    }
  }

  /** A value eachValue() gave, as the URL spells it. */
  function facetValue(index, key, v) {
    var h = index.meta.header;
    switch (key) {
      case 'kind': return h.kinds[v];
      case 'form': return h.forms[v];
      case 'year': return String(v);
      case 'topic': return h.topics[v];
      case 'issuer': return h.issuers[v];
      case 'office': return h.offices[v];
    }
    return v;
  }

  function labelOf(index, key, value) {
    var h = index.meta.header;
    if (key === 'kind') return h.kindNames[h.kinds.indexOf(value)] || value;
    if (key === 'status') return h.statusNames[h.statuses.indexOf(value)] || value;
    if (key === 'form') return h.formNames[h.forms.indexOf(value)] || value;
    if (key === 'year') return value + '年';
    return value;
  }

  /** Passes the filter of one facet group. */
  function passesGroup(index, hit, key) {
    var chosen = state.filters[key];
    if (key === 'status' && chosen.length === 0) return state.all || CURRENT[hit.status] === true;
    if (chosen.length === 0) return true;
    return valuesOf(index, hit, key).some(function (v) { return chosen.indexOf(v) >= 0; });
  }

  var PASSES = -1, FAILS_SEVERAL = -2, STATUS_GROUP = FACETS.map(function (g) { return g.key; }).indexOf('status');
  /** The facet group whose filter a hit fails: PASSES, a group's number, or FAILS_SEVERAL. */
  function failedGroup(index, hit) {
    var failed = PASSES;
    for (var i = 0; i < FACETS.length; i++) {
      if (passesGroup(index, hit, FACETS[i].key)) continue;
      if (failed !== PASSES) return FAILS_SEVERAL;
      failed = i;
    }
    return failed;
  }

  function render(index, hits, terms, my, t0, focusFirst) {
    var meta = index.meta, day = dayOf(state.date || today(timeZone));
    // On a chosen day the library holds what was published by then, as a build at that date
    // would (scheduled publication): later documents and interpretations are left out.
    hits = hits.filter(function (hit) { return hit.rec.published <= day && hit.rec.doc.published <= day; });
    var statusCache = new Map();
    hits.forEach(function (hit) {
      var d = hit.rec.doc;
      if (!statusCache.has(d.index)) statusCache.set(d.index, statusOf(d, day, meta.docs));
      hit.status = statusCache.get(d.index);
    });
    hits.forEach(function (hit) { hit.failed = failedGroup(index, hit); });
    var shown = hits.filter(function (h) { return h.failed === PASSES; });
    shown.sort(compareHits);
    lastShown = shown;
    lastHits = hits;
    var end = Math.min(shown.length, state.page * PAGE_SIZE);
    var page = shown.slice(0, end);
    // The list needs nothing more from the network (titles and 文号 came with meta.bin): it
    // goes in now, hits and facets at once (one layout, no half-updated page); the snippets,
    // the query's second round, are requested first and fill in after.
    // the snippets' round: every chunk of the page in one request per file
    fetchPieces(index, [].concat.apply([], page.map(function (hit) { return chunksOf(index, hit).ats; })));
    var chunks = page.map(function (hit) { return chunkFor(index, hit); });
    var hidden = STATUS_GROUP < 0 ? 0 : hits.filter(function (h) { return h.failed === STATUS_GROUP; }).length;
    var firstNew = Math.max(0, end - PAGE_SIZE);
    var items = document.createDocumentFragment(), rendered = page.map(function (hit) { return renderHit(index, hit, terms); });
    rendered.forEach(function (r) { items.appendChild(r.item); });
    clear(list);
    list.appendChild(items);
    showFacets(facetNodes(index, hits));
    moreButton.hidden = end >= shown.length;
    summarize(shown.length, hits.length, hidden, end);
    updateAllButton(hidden);
    live.dataset.query = state.q;
    live.dataset.count = String(shown.length);
    live.dataset.state = 'listed';
    if (focusFirst && rendered[firstNew]) rendered[firstNew].link.focus();
    var listMs = performance.now() - t0;
    live.dataset.ms = listMs.toFixed(1);
    document.dispatchEvent(new CustomEvent('policy-search:rendered', {
      detail: { query: state.q, ms: listMs, count: shown.length, total: hits.length }
    }));
    // A snippet that cannot be fetched stays empty: the list it belongs to is already right.
    var snippetsJob = Promise.all(page.map(function (hit, i) {
      return chunks[i].then(function (chunk) {
        if (my !== generation) return;
        var box = rendered[i].snippet;
        clear(box);
        snippet(chunk, terms, hit.rec.bodyStart).forEach(function (node) { box.appendChild(typeof node === 'string' ? document.createTextNode(node) : node); });
      }, function () {});
    }));
    applyURL();
    return snippetsJob.then(function () {
      if (my !== generation) return;
      live.dataset.state = 'done';
      var ms = performance.now() - t0;
      live.dataset.snippetsMs = ms.toFixed(1);
      document.dispatchEvent(new CustomEvent('policy-search:snippets', { detail: { query: state.q, ms: ms } }));
    });
  }

  /** Title and 文号 matches first, then what is in force, then more matches, then newer. */
  function compareHits(a, b) {
    return (b.titleHits - a.titleHits)
      || (STATUS_CODES.indexOf(a.status) - STATUS_CODES.indexOf(b.status))
      || (b.count - a.count)
      || (b.rec.published - a.rec.published)
      || (a.rec.index - b.rec.index);
  }

  function summarize(shownCount, total, hidden, end) {
    var what = state.q ? '检索“' + state.q + '”' : '按条件浏览';
    var when = state.date ? '（时效性按 ' + state.date + ' 计算）' : '';
    var text = what + when + '：共 ' + shownCount + ' 条结果';
    if (shownCount > 0) text += '，显示第 1–' + end + ' 条';
    text += '。';
    if (hidden > 0) text += '另有 ' + hidden + ' 条已修改、已失效或已废止的结果未显示。';
    if (shownCount === 0 && total > 0 && hidden === 0) text += '请减少筛选条件。';
    live.textContent = text;
  }

  function updateAllButton(hidden) {
    var explicit = state.filters.status.length > 0;
    allButton.hidden = explicit;
    allButton.setAttribute('aria-pressed', state.all ? 'true' : 'false');
    allButton.textContent = state.all ? '只显示现行有效和尚未生效的文件'
      : '显示全部文件（含已修改、已失效、已废止' + (hidden ? '，' + hidden + ' 条' : '') + '）';
  }

  /** Puts the facet groups in place of the old ones, keeping the focus on the same checkbox. */
  function showFacets(groups) {
    var focused = document.activeElement && facetsBox.contains(document.activeElement) ? document.activeElement.id : null;
    clear(facetsBox);
    facetsBox.appendChild(groups);
    if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
  }

  var facetIds = new Map();
  /** A checkbox's id: stable, so focus survives a re-render; memoised, as it is hashed for every value shown. */
  function facetId(key, value) {
    var k = key + '\u0001' + value;
    if (!facetIds.has(k)) facetIds.set(k, 'facet-' + key + '-' + fnv1a32(value).toString(36));
    return facetIds.get(k);
  }

  /** The facet groups with their counts, as a detached fragment. */
  function facetNodes(index, hits) {
    var groups = document.createDocumentFragment(), codeCounts = FACETS.map(function () { return new Map(); });
    // One pass: a hit counts in a group when it passes every other group's filter, so it
    // counts everywhere when it fails none, in one group when it fails only that one.
    hits.forEach(function (hit) {
      if (hit.failed === FAILS_SEVERAL) return;
      for (var i = 0; i < FACETS.length; i++) {
        if (hit.failed !== PASSES && hit.failed !== i) continue;
        var counts = codeCounts[i];
        eachValue(hit, FACETS[i].key, function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
      }
    });
    FACETS.forEach(function (g, gi) {
      var counts = new Map();
      codeCounts[gi].forEach(function (n, v) {
        var value = facetValue(index, g.key, v);
        counts.set(value, (counts.get(value) || 0) + n);
      });
      state.filters[g.key].forEach(function (v) { if (!counts.has(v)) counts.set(v, 0); });
      if (counts.size === 0) return;
      var values = Array.from(counts.keys());
      var h = index.meta.header;
      var order = { kind: h.kinds, status: h.statuses, form: h.forms }[g.key];
      values.sort(function (a, b) {
        if (order) return order.indexOf(a) - order.indexOf(b);
        if (g.key === 'year') return Number(b) - Number(a);
        return (counts.get(b) - counts.get(a)) || (a < b ? -1 : a > b ? 1 : 0);
      });
      var fieldset = el('fieldset', { className: 'search-facet' }, [el('legend', { text: g.label })]);
      values.forEach(function (v) {
        var id = facetId(g.key, v);
        var box = el('input', { type: 'checkbox', id: id, value: v, 'data-facet': g.key });
        box.checked = state.filters[g.key].indexOf(v) >= 0;
        box.addEventListener('change', onFacet);
        fieldset.appendChild(el('div', { className: 'search-facet-value' }, [
          box, el('label', { for: id }, [labelOf(index, g.key, v) + ' ', el('span', { className: 'search-count', text: '(' + counts.get(v) + ')' })])
        ]));
      });
      groups.appendChild(fieldset);
    });
    return groups;
  }

  /**
   * The text around a hit's first body match (or its body's start): the one or two adjacent
   * chunks that hold it. {window (code points), start, at, matched}.
   */
  function chunkFor(index, hit) {
    var c = chunksOf(index, hit);
    return Promise.all(fetchPieces(index, c.ats)).then(function (parts) {
      var window = [];
      parts.forEach(function (bytes) { window = window.concat(codePoints(utf8.decode(bytes))); });
      return { start: c.first * index.manifest.chunk, window: window, at: c.at, matched: c.matched, more: c.more };
    });
  }

  /** Which chunks a hit's snippet needs: {ats, first, at, matched, more}. */
  function chunksOf(index, hit) {
    var at = hit.snippetAt >= 0 ? hit.snippetAt : hit.rec.bodyStart, matched = hit.snippetAt >= 0;
    var size = index.manifest.chunk, all = index.chunks[hit.rec.index];
    var from = Math.max(0, hit.rec.bodyStart, matched ? at - SNIPPET_BEFORE : at), to = at + (matched ? SNIPPET_AFTER : SNIPPET_PLAIN);
    var first = Math.min(all.length - 1, Math.floor(from / size)), last = Math.min(all.length - 1, Math.floor((to - 1) / size));
    if (last < first) last = first;
    return { ats: all.slice(first, last + 1), first: first, at: at, matched: matched, more: last < all.length - 1 };
  }

  /** A result's list item with an empty snippet paragraph (filled in when its text is in), its link and that paragraph. */
  function renderHit(index, hit, terms) {
    var h = index.meta.header, rec = hit.rec, head = index.headers[rec.index];
    var owner = rec.form === 0 ? null : index.headers[docRecordOf(index, rec).index];
    var link = el('a', { href: new URL(head.path, siteRoot).href }, highlight(codePoints(head.title), terms));
    var metaLine = el('p', { className: 'entry-meta' }, [
      el('span', { className: 'badge badge-' + hit.status, text: h.statusNames[h.statuses.indexOf(hit.status)] }),
      head.number ? el('span', { className: 'search-number' }, highlight(codePoints(head.number), terms)) : null,
      el('span', { text: rec.form === 0 ? h.kindNames[rec.doc.kind] : h.formNames[rec.form] }),
      el('time', { datetime: isoOf(rec.published), text: isoOf(rec.published) })
    ]);
    var ownerLine = owner ? el('p', { className: 'note' }, [
      '解读文件：', el('a', { href: new URL(owner.path, siteRoot).href, text: '《' + owner.title + '》' })
    ]) : null;
    var snippetBox = el('p', { className: 'search-snippet' });
    var item = el('li', { className: 'search-hit', 'data-record': String(rec.index), 'data-path': head.path,
      'data-status': hit.status }, [el('p', { className: 'search-title' }, [link]), metaLine, ownerLine, snippetBox]);
    return { item: item, link: link, snippet: snippetBox };
  }

  /** The record of the document a record belongs to (itself for a document): the one before its interpretations. */
  function docRecordOf(index, rec) {
    var recs = index.meta.recs, k = rec.index;
    while (k > 0 && recs[k].form !== 0) k--;
    return recs[k];
  }

  var SNIPPET_BEFORE = 30, SNIPPET_AFTER = 90, SNIPPET_PLAIN = 120;
  /** About 100 characters of text around the first body match (or the body's start), as nodes. */
  function snippet(chunk, terms, bodyStart) {
    var w = chunk.window, at = chunk.at - chunk.start;
    // a match: some context before it (but not the title, shown above); no match in the body: the body from its start
    var from = Math.max(0, bodyStart - chunk.start, chunk.matched ? at - SNIPPET_BEFORE : at);
    var to = Math.min(w.length, at + (chunk.matched ? SNIPPET_AFTER : SNIPPET_PLAIN));
    var piece = w.slice(from, to).map(function (c) { return c === 10 ? 0x20 : c; });
    var nodes = highlight(piece, terms);
    if (chunk.start + from > bodyStart) nodes.unshift('…');
    if (to < w.length || chunk.more) nodes.push('…');
    return nodes;
  }

  /** Text nodes and <mark>s for every occurrence of a term (same folding, whole tokens). */
  function highlight(cps, terms) {
    var folded = cps.map(fold), marks = new Uint8Array(cps.length);
    terms.forEach(function (t) {
      for (var i = 0; i + t.length <= folded.length; i++) {
        var ok = true;
        for (var j = 0; j < t.length && ok; j++) ok = folded[i + j] === t[j];
        if (!ok) continue;
        if (isWord(t[0]) && i > 0 && isWord(folded[i - 1])) continue;
        if (isWord(t[t.length - 1]) && i + t.length < folded.length && isWord(folded[i + t.length])) continue;
        for (j = 0; j < t.length; j++) marks[i + j] = 1;
      }
    });
    var nodes = [];
    for (var a = 0; a < cps.length;) {
      var b = a;
      while (b < cps.length && marks[b] === marks[a]) b++;
      var text = str(cps.slice(a, b));
      nodes.push(marks[a] ? el('mark', { text: text }) : text);
      a = b;
    }
    return nodes;
  }

  // ---------------------------------------------------------------- events

  function onFacet(event) {
    var box = event.target, key = box.getAttribute('data-facet'), chosen = state.filters[key];
    var at = chosen.indexOf(box.value);
    if (box.checked && at < 0) chosen.push(box.value);
    if (!box.checked && at >= 0) chosen.splice(at, 1);
    state.page = 1;
    commit(true);
    run(performance.now(), false);
  }

  input.addEventListener('input', function (event) {
    state.q = input.value;
    state.page = 1;
    commit(false);
    run(event.timeStamp || performance.now(), false);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    state.q = input.value;
    state.page = 1;
    commit(true);
    run(performance.now(), false);
  });

  dateInput.addEventListener('change', function () {
    if (dayOf(dateInput.value) === null) return;
    state.date = dateInput.value === today(timeZone) ? '' : dateInput.value;
    state.page = 1;
    commit(true);
    run(performance.now(), false);
  });

  todayButton.addEventListener('click', function () {
    state.date = '';
    dateInput.value = today(timeZone);
    state.page = 1;
    commit(true);
    run(performance.now(), false);
  });

  allButton.addEventListener('click', function () {
    state.all = !state.all;
    state.page = 1;
    commit(true);
    run(performance.now(), false);
  });

  moreButton.addEventListener('click', function () {
    state.page += 1;
    commit(false);
    run(performance.now(), true);
  });

  window.addEventListener('popstate', function () {
    urlChanges = [];   // the address now comes from history: unwritten changes are stale
    state = stateFromURL();
    input.value = state.q;
    run(performance.now(), false);
  });

  /** For tests and the benchmark: statuses the page computes, and a way to wait for a query. */
  window.policySearch = {
    /** Promise of {document page path: status code} on the ISO date `iso`, as the page computes it. */
    statuses: function (iso) {
      return loadIndex().then(function (index) { return index.metaReady.then(function () { return index; }); }).then(function (index) {
        var day = dayOf(iso), out = {};
        index.meta.recs.forEach(function (rec) {
          if (rec.form === 0 && rec.published <= day) out[index.headers[rec.index].path] = statusOf(rec.doc, day, index.meta.docs);
        });
        return out;
      });
    },
    /** The record numbers of every result of the last search, in ranked order (not only those shown). */
    results: function (options) {
      var list = options && options.all ? lastHits : lastShown;
      return list.map(function (h) { return h.rec.index; });
    },
    search: function (q) {
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };

  // Every query needs meta.bin (facts, titles, piece tables; about 100 KB for 3,300 records): fetch
  // and decode it when the page opens rather than on the first keystroke, which then waits only
  // for its postings. On focus again in case the first attempt failed.
  input.addEventListener('focus', function () { loadIndex().catch(function () {}); });
  if (state.q || state.date || anyFilter()) run(performance.now(), false);
  else loadIndex().then(function (index) {
    timeZone = index.manifest.timeZone || timeZone;
    if (!dateInput.value) dateInput.value = today(timeZone);
    live.dataset.ready = 'manifest';
  }, function () {});
})();
