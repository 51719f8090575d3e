//# allFunctionsCalledOnLoad
/*
 * search.js — full-text search, facets and point-in-time statuses for the policy library.
 * Plain JavaScript, no framework, no build step. Progressive enhancement: the search page
 * works as a plain form without it (and says so in <noscript>).
 *
 * It reads the static index written by `policy build` (Sources/PolicyKit/Search/):
 *   search/manifest.json          the index folder, shard count, chunk size, time zone
 *   search/idx-<hash>/meta.bin    facts per record (SearchMeta.swift)
 *   search/idx-<hash>/p/<n>.bin   postings shards; k/<n>-<j>.bin large postings (ShardLayout.swift)
 *   search/idx-<hash>/x.bin       the large postings' key hashes and sizes (ShardLayout.swift)
 *   search/idx-<hash>/t/<r>-<k>.bin  text windows for titles and snippets (TextChunks.swift)
 * The tokenisation below mirrors Tokenizer.swift (read its doc comment first). Statuses come
 * from status.js, the one port of Library.status(of:at:) (Sources/PolicyModel/Status.swift)
 * that every page shares. An ES module (<script type="module">), so it runs deferred.
 * Content never becomes markup: the DOM is built with createElement and textContent only.
 * The first line asks V8 to compile every function while the page loads, not on the first query.
 */
import { STATUS_CODES, dayOf, isoOf, statusOf, today } from './status.js';

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
      if (manifest.format !== 1) throw new Error('检索索引格式不受支持');
      return manifest;
    });
  }

  var indexPromise = null;
  /**
   * The index: the manifest at once, and `meta` (the facts table) as a promise — postings
   * lookups need only the manifest, so the first query fetches shards and facts side by side.
   */
  function loadIndex() {
    if (!indexPromise) {
      indexPromise = loadManifest().then(function (manifest) {
        var index = { manifest: manifest, base: new URL(manifest.index, searchRoot) };
        index.metaReady = fetchBytes(new URL('meta.bin', index.base)).then(function (bytes) {
          index.meta = decodeMeta(bytes);
          return index.meta;
        });
        index.metaReady.catch(function () { indexPromise = null; });
        // A shortcut only (see entry() and partsOf()), used once it is in; nothing waits for it,
        // and a query works the same without it, a round slower for large keys.
        index.externals = null;
        index.externalsTried = fetchBytes(new URL('x.bin', index.base)).then(decodeExternals)
          .then(function (externals) { index.externals = externals; }, function () {});
        // For the tests and the benchmark: what the page fetches when it opens is in.
        Promise.all([index.metaReady, index.externalsTried]).then(function () { live.dataset.indexLoaded = 'true'; }, function () {});
        return index;
      });
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

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

  /** x.bin (ShardLayout.swift): name hash → [{entry, size}] of the keys whose postings have a file of their own. */
  function decodeExternals(bytes) {
    var r = new Reader(bytes), map = new Map(), hash = 0;
    for (var n = r.varint(); n > 0; n--) {
      hash += r.varint();
      var j = r.varint(), size = r.varint();
      if (!map.has(hash)) map.set(hash, []);
      map.get(hash).push({ entry: j, size: size });
    }
    return map;
  }

  /** The size x.bin gives a key (0: its postings are in its shard); a shared hash counts as the larger. */
  function externalSize(index, name) {
    var list = index.externals.get(fnv1a32(name)) || [];
    return list.reduce(function (m, x) { return Math.max(m, x.size); }, 0);
  }

  function shard(index, n) {
    var url = new URL('p/' + n + '.bin', index.base);
    return fetchBytes(url).then(function (bytes) {
      if (!bytes.shardEntries) {
        var r = new Reader(bytes), entries = new Map();
        for (var j = 0, count = r.varint(); j < count; j++) {
          var name = utf8.decode(r.take(r.varint())), sz = r.varint();
          var external = sz % 2 === 1, size = Math.floor(sz / 2);
          entries.set(name, { name: name, size: size, data: external ? null : r.take(size),
            file: external ? 'k/' + n + '-' + j + '.bin' : null });
        }
        bytes.shardEntries = entries;
      }
      return bytes.shardEntries;
    });
  }

  /** The shard entry of a key (null when no record has it). */
  function entry(index, name) {
    var hash = fnv1a32(name), n = hash % index.manifest.shards;
    // A large key's own file is requested now, beside its shard, not after the shard has
    // named it; the shard still decides (a hash alone does not identify a key). The price:
    // when another part of the term occurs nowhere, the file was fetched for nothing.
    if (index.externals) {
      (index.externals.get(hash) || []).forEach(function (x) { fetchBytes(new URL('k/' + n + '-' + x.entry + '.bin', index.base)); });
    }
    return shard(index, n).then(function (entries) {
      return entries.get(name) || null;
    });
  }

  /** Decoded postings of an entry: Map record → Int32Array of positions (PostingBuilder.swift). */
  function positions(index, e) {
    if (e.positions) return Promise.resolve(e.positions);
    var data = e.data ? Promise.resolve(e.data) : fetchBytes(new URL(e.file, index.base));
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
    var data = e.data ? Promise.resolve(e.data) : fetchBytes(new URL(e.file, index.base));
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
   * keeps the pairs that cover it with the fewest bytes of large postings. The sizes come
   * from x.bin when it is in, with no request; otherwise from every pair's shard entry.
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
      if (index.externals) return pick(cheapestCover(all.map(function (p) { return externalSize(index, p.key); })));
      return Promise.all(all.map(function (p) { return entry(index, p.key); })).then(function (entries) {
        if (entries.some(function (e) { return !e; })) return [all[entries.indexOf(null)]];   // cannot match
        return pick(cheapestCover(entries.map(function (e) { return e.file ? e.size : 0; })));
      });
    });
    return Promise.all(jobs).then(function (lists) { return [].concat.apply([], lists); });
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

  var termCache = new Map();
  /** Map record → {count, first, firstBody} of the term's matches. */
  function matchTerm(index, cps) {
    var id = str(cps);
    if (termCache.has(id)) return termCache.get(id);
    var job;
    if (cps.length === 1 && !isWord(cps[0])) {
      job = entry(index, 'U' + id).then(function (e) { return e ? charCounts(index, e) : new Map(); });
    } else {
      job = partsOf(index, cps).then(function (parts) {
        return Promise.all(parts.map(function (p) { return entry(index, p.key); })).then(function (entries) {
          if (entries.some(function (e) { return !e; })) return new Map();
          return Promise.all([index.metaReady].concat(entries.map(function (e) { return positions(index, e); })))
            .then(function (lists) { return align(lists.shift().recs, parts, lists); });
        });
      });
    }
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
    // The text windows are the query's last network round: request them before the facet work,
    // and build each hit (off the document) as soon as its window is in.
    var hitsJob = Promise.all(page.map(function (hit) {
      return chunkFor(index, hit).then(function (chunk) { return my === generation ? renderHit(index, hit, chunk, terms) : null; });
    }));
    var hidden = STATUS_GROUP < 0 ? 0 : hits.filter(function (h) { return h.failed === STATUS_GROUP; }).length;
    var facets = facetNodes(index, hits);
    applyURL();
    return hitsJob.then(function (rendered) {
      if (my !== generation) return;
      var firstNew = Math.max(0, end - PAGE_SIZE);
      // Hits and facets go in at once: one layout, no half-updated page.
      var items = document.createDocumentFragment(), links = [];
      rendered.forEach(function (r) { items.appendChild(r.item); links.push(r.link); });
      clear(list);
      list.appendChild(items);
      showFacets(facets);
      applyURL();
      moreButton.hidden = end >= shown.length;
      summarize(shown.length, hits.length, hidden, end);
      updateAllButton(hidden);
      live.dataset.query = state.q;
      live.dataset.count = String(shown.length);
      live.dataset.state = 'done';
      if (focusFirst && links[firstNew]) links[firstNew].focus();
      var ms = performance.now() - t0;
      live.dataset.ms = ms.toFixed(1);
      document.dispatchEvent(new CustomEvent('policy-search:rendered', {
        detail: { query: state.q, ms: ms, count: shown.length, total: hits.length }
      }));
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

  function chunkFor(index, hit) {
    var at = hit.snippetAt >= 0 ? hit.snippetAt : hit.rec.bodyStart;
    var k = Math.floor(at / index.manifest.chunk);
    // The header (path, title, 文号, owner) is in chunk 0 only; a later chunk holds start and window.
    var file = function (j) {
      return fetchBytes(new URL('t/' + hit.rec.index + '-' + j + '.bin', index.base)).then(function (bytes) {
        return chunkFields(bytes, j === 0 ? 6 : 1);
      });
    };
    return Promise.all([file(0), k === 0 ? null : file(k)]).then(function (got) {
      var f = got[0], w = got[1] || f.slice(5);
      return { path: f[0], title: f[1], number: f[2], ownerTitle: f[3], ownerPath: f[4], start: Number(w[0]),
        window: codePoints(w[1]), at: at, matched: hit.snippetAt >= 0 };
    });
  }

  /** A chunk's `fixed` leading fields, then its window (which may itself hold U+0001) as the last. */
  function chunkFields(bytes, fixed) {
    var text = bytes[0] === 0xFF && bytes[1] === 0xFE ? utf16.decode(bytes.subarray(2)) : utf8.decode(bytes);
    var f = [], from = 0;
    for (var i = 0; i < fixed; i++) { var to = text.indexOf('\u0001', from); f.push(text.slice(from, to)); from = to + 1; }
    f.push(text.slice(from));
    return f;
  }

  /** A result's list item, and its link. */
  function renderHit(index, hit, chunk, terms) {
    var h = index.meta.header, rec = hit.rec;
    var link = el('a', { href: new URL(chunk.path, siteRoot).href }, highlight(codePoints(chunk.title), terms));
    var metaLine = el('p', { className: 'entry-meta' }, [
      el('span', { className: 'badge badge-' + hit.status, text: h.statusNames[h.statuses.indexOf(hit.status)] }),
      chunk.number ? el('span', { className: 'search-number' }, highlight(codePoints(chunk.number), terms)) : null,
      el('span', { text: rec.form === 0 ? h.kindNames[rec.doc.kind] : h.formNames[rec.form] }),
      el('time', { datetime: isoOf(rec.published), text: isoOf(rec.published) })
    ]);
    var owner = chunk.ownerPath ? el('p', { className: 'note' }, [
      '解读文件：', el('a', { href: new URL(chunk.ownerPath, siteRoot).href, text: '《' + chunk.ownerTitle + '》' })
    ]) : null;
    var item = el('li', { className: 'search-hit', 'data-record': String(rec.index), 'data-path': chunk.path,
      'data-status': hit.status }, [el('p', { className: 'search-title' }, [link]), metaLine, owner, snippet(chunk, terms, rec.bodyStart)]);
    return { item: item, link: link };
  }

  /** About 100 characters of text around the first body match (or the body's start). */
  function snippet(chunk, terms, bodyStart) {
    var w = chunk.window, at = chunk.at - chunk.start;
    // a match: some context before it (but not the title, shown above); no match in the body: the body from its start
    var from = Math.max(0, bodyStart - chunk.start, chunk.matched ? at - 30 : at), to = Math.min(w.length, at + (chunk.matched ? 90 : 120));
    var piece = w.slice(from, to).map(function (c) { return c === 10 ? 0x20 : c; });
    var nodes = highlight(piece, terms);
    if (from > 0) nodes.unshift('…');
    if (to < w.length) nodes.push('…');
    return el('p', { className: 'search-snippet' }, nodes);
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
        var day = dayOf(iso), docs = index.meta.recs.filter(function (rec) { return rec.form === 0 && rec.published <= day; });
        var out = {};
        // A few text windows (which hold each page's path) at a time: thousands of requests at
        // once make the browser fail some of them.
        function batch(from) {
          if (from >= docs.length) { return Promise.resolve(out); }
          var part = docs.slice(from, from + 16);
          return Promise.all(part.map(function (rec) {
            return chunkFor(index, { rec: rec, snippetAt: -1 });
          })).then(function (chunks) {
            part.forEach(function (rec, i) { out[chunks[i].path] = statusOf(rec.doc, day, index.meta.docs); });
            return batch(from + 16);
          });
        }
        return batch(0);
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

  // Every query needs the index facts (meta.bin, about 20 KB): fetch and decode them when the page
  // opens rather than on the first keystroke, which then waits only for its postings. On focus again
  // in case the first attempt failed.
  input.addEventListener('focus', function () { loadIndex().catch(function () {}); });
  if (state.q || state.date || anyFilter()) run(performance.now(), false);
  else loadIndex().then(function (index) {
    timeZone = index.manifest.timeZone || timeZone;
    if (!dateInput.value) dateInput.value = today(timeZone);
    live.dataset.ready = 'manifest';
  }, function () {});
})();
