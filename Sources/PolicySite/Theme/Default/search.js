//# allFunctionsCalledOnLoad
/*
 * search.js — the search page: full-text search, facets and point-in-time statuses for the
 * policy library. Plain JavaScript, no framework, no build step. Progressive enhancement: the
 * search page works as a plain form without it (and says so in <noscript>).
 *
 * This module is the page: the DOM, the address, the rendering. The rest are ES modules with
 * no DOM, which the page preloads side by side (search.mustache's head) and the tests import:
 *   tokenize.js   query → terms → keys (mirrors Sources/PolicySearch/Tokenizer.swift)
 *   decode.js     the index's bytes: inflate, varints, meta.bin and its piece tables, shards, postings
 *   query.js      the index over HTTP (manifest, meta.bin, a round's pieces) and a query's hits
 *   ranges.js     byte ranges of a file, several in one request, and the servers' fallbacks
 *   match.js      align, intersect, filter by day and facets, rank
 *   status.js     the one port of Library.status(of:at:) (Sources/PolicyModel/Status.swift)
 * The index itself, written by `policy build`, is described in docs/search.md. A query makes
 * one round for its keys and shows its result list, then one for the snippets: each one
 * request per file it touches (the postings' file, then the text's).
 * An ES module (<script type="module">), so it runs deferred.
 * Content never becomes markup: the DOM is built with createElement and textContent only.
 * The first line asks V8 to compile every function while the page loads, not on the first query.
 */
import { fnv1a32, utf8 } from './decode.js';
import { FACET_KEYS, FAILS_SEVERAL, PASSES, STATUS_GROUP, eachValue, everyRecord, facetValue, failedGroup, onDay, rank } from './match.js';
import { fetchPieces, loadIndex as openIndex, matchQuery } from './query.js';
import { dayOf, isoOf, statusOf, today } from './status.js';
import { codePoints, fold, isWord, str, terms as termsOf } from './tokenize.js';

(function () {
  var scriptURL = import.meta.url;
  var form = document.querySelector('form.search-form') || (document.getElementById('q') || {}).form;
  var input = form && form.elements.namedItem('q');
  var live = document.getElementById('search-results');
  if (!form || !input || !live) return;

  var siteRoot = new URL('../', scriptURL);           // search.js lives in <root>/assets/
  var searchRoot = new URL('search/', siteRoot);
  var PAGE_SIZE = 10;
  var LABELS = { kind: '文件类别', status: '时效性', form: '正文或解读', year: '发布年份', topic: '主题分类',
    level: '层级', region: '地区', issuer: '发布机关', office: '起草处室' };
  var FACETS = FACET_KEYS.map(function (key) { return { key: key, label: LABELS[key] }; });

  /** The site's index; the live region says when what the page fetches on opening is in (tests, benchmark). */
  function loadIndex() {
    return openIndex(searchRoot).then(function (index) {
      index.metaReady.then(function () { live.dataset.indexLoaded = 'true'; }, function () {});
      return index;
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
      var hitsJob = browsing ? index.metaReady.then(function (meta) { return everyRecord(meta.recs); })
        : matchQuery(index, terms);
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

  function labelOf(index, key, value) {
    var h = index.meta.header;
    if (key === 'kind') return h.kindNames[h.kinds.indexOf(value)] || value;
    if (key === 'status') return h.statusNames[h.statuses.indexOf(value)] || value;
    if (key === 'form') return h.formNames[h.forms.indexOf(value)] || value;
    if (key === 'year') return value + '年';
    return value;
  }

  function render(index, hits, terms, my, t0, focusFirst) {
    var header = index.meta.header, day = dayOf(state.date || today(timeZone));
    hits = onDay(hits, day, index.meta.docs);
    hits.forEach(function (hit) { hit.failed = failedGroup(header, hit, state.filters, state.all); });
    var shown = rank(hits.filter(function (h) { return h.failed === PASSES; }));
    lastShown = shown;
    lastHits = hits;
    var end = Math.min(shown.length, state.page * PAGE_SIZE);
    var page = shown.slice(0, end);
    // The list needs nothing more from the network (titles and 文号 came with meta.bin): it
    // goes in now, hits and facets at once (one layout, no half-updated page); the snippets,
    // the query's second round, are requested first (every chunk of the page together, one
    // request per file) and fill in after.
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
        var value = facetValue(index.meta.header, g.key, v);
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
        if (g.key === 'level') return '省市县'.indexOf(a) - '省市县'.indexOf(b);
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
