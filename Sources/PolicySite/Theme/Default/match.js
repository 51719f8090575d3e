//# allFunctionsCalledOnLoad
/*
 * match.js — from decoded postings to the ranked result list: align a term's parts, intersect
 * the terms, keep what a day's library holds, filter by facets, rank. Pure functions on
 * decoded data (decode.js): no DOM, no network, so it loads without a page, and the shared
 * ranking vectors (Tests/Vectors/ranking.json) run it as it is, in Chromium, as the Swift
 * tests run SearchRanking.swift.
 *
 * A hit is { rec (a meta.bin record), count (matches over all terms), titleHits (terms found
 * in the title or 文号), snippetAt (the first body match, -1: none) }, plus `status` once
 * statuses are known (onDay) and `failed` once filtered (failedGroup).
 */
import { STATUS_CODES, isCurrent, statusOf } from './status.js';

/** The facet groups, in the order the page shows them. */
export var FACET_KEYS = ['kind', 'status', 'form', 'year', 'topic', 'level', 'region', 'issuer', 'office'];

/**
 * Records where every part (tokenize.js partsOf) is found at start + its offset, with count
 * and first starts: Map record → {count, first, firstBody}. `lists`: each part's positions
 * (Map record → sorted positions), `recs`: the records, for their body's start.
 */
export function align(recs, parts, lists) {
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

/** Every term's matches (Map record → {count, first, firstBody}), intersected: the hits (AND). */
export function intersect(recs, maps) {
  var smallest = maps.reduce(function (a, b) { return b.size < a.size ? b : a; });
  var hits = [];
  smallest.forEach(function (_, rec) {
    var count = 0, titleHits = 0, firstBody = -1, bodyStart = recs[rec].bodyStart;
    for (var i = 0; i < maps.length; i++) {
      var m = maps[i].get(rec);
      if (!m) return;
      count += m.count;
      if (m.first < bodyStart) titleHits++;
      if (m.firstBody >= 0 && (firstBody < 0 || m.firstBody < firstBody)) firstBody = m.firstBody;
    }
    hits.push({ rec: recs[rec], count: count, titleHits: titleHits, snippetAt: firstBody >= 0 ? firstBody : -1 });
  });
  return hits;
}

/** Every record as a hit without matches: browsing by facets and date, with no query. */
export function everyRecord(recs) {
  return recs.map(function (rec) { return { rec: rec, count: 0, titleHits: 0, snippetAt: -1 }; });
}

/**
 * The hits the library held on `day`, each with its status that day. On a chosen day the
 * library holds what was published by then, as a build at that date would (scheduled
 * publication): later documents and interpretations are left out.
 */
export function onDay(hits, day, docs) {
  hits = hits.filter(function (hit) { return hit.rec.published <= day && hit.rec.doc.published <= day; });
  var statusCache = new Map();
  hits.forEach(function (hit) {
    var d = hit.rec.doc;
    if (!statusCache.has(d.index)) statusCache.set(d.index, statusOf(d, day, docs));
    hit.status = statusCache.get(d.index);
  });
  return hits;
}

/**
 * Calls `fn` with each of a hit's values in a facet group, as numbers into the header's
 * lists (the status as its code): counting facets over every hit builds no strings.
 */
export function eachValue(hit, key, fn) {
  var rec = hit.rec, d = rec.doc, i;
  switch (key) {
    case 'kind': fn(d.kind); break;
    case 'status': fn(hit.status); break;
    case 'form': fn(rec.form); break;
    case 'year': fn(rec.year); break;
    case 'topic': for (i = 0; i < d.topics.length; i++) fn(d.topics[i]); break;
    case 'issuer': for (i = 0; i < d.issuers.length; i++) fn(d.issuers[i]); break;
    // A system library's bureaus (query.js adds them from the manifest; strings already).
    case 'level': for (i = 0; i < (d.levels || []).length; i++) fn(d.levels[i]); break;
    case 'region': for (i = 0; i < (d.regions || []).length; i++) fn(d.regions[i]); break;
    case 'office': if (rec.office !== null) fn(rec.office); break;
  }
}

/** A value eachValue() gave, as the URL spells it (`header`: meta.bin's header). */
export function facetValue(header, key, v) {
  var h = header;
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

/** Facet values of a hit, as the strings used in the URL. */
function valuesOf(header, hit, key) {
  var out = [];
  eachValue(hit, key, function (v) { out.push(facetValue(header, key, v)); });
  return out;
}

/**
 * Passes the filter of one facet group. `filters`: per group the values chosen (URL
 * strings); `all`: show every status, not only the current ones, when none is chosen.
 */
function passesGroup(header, hit, key, filters, all) {
  var chosen = filters[key];
  // no status chosen: unless asked for all, what is in force or about to be (isCurrent)
  if (key === 'status' && chosen.length === 0) return all || isCurrent(hit.status);
  if (chosen.length === 0) return true;
  return valuesOf(header, hit, key).some(function (v) { return chosen.indexOf(v) >= 0; });
}

export var PASSES = -1, FAILS_SEVERAL = -2, STATUS_GROUP = FACET_KEYS.indexOf('status');
/** The facet group whose filter a hit fails: PASSES, a group's number (in FACET_KEYS), or FAILS_SEVERAL. */
export function failedGroup(header, hit, filters, all) {
  var failed = PASSES;
  for (var i = 0; i < FACET_KEYS.length; i++) {
    if (passesGroup(header, hit, FACET_KEYS[i], filters, all)) continue;
    if (failed !== PASSES) return FAILS_SEVERAL;
    failed = i;
  }
  return failed;
}

/**
 * The ranking: title and 文号 matches first (more terms found there first), then by status
 * (in force, not yet in force, superseded, expired, repealed), then more matches, then newer,
 * then record order. SearchRanking.swift is the same order in Swift.
 */
export function compareHits(a, b) {
  return (b.titleHits - a.titleHits)
    || (STATUS_CODES.indexOf(a.status) - STATUS_CODES.indexOf(b.status))
    || (b.count - a.count)
    || (b.rec.published - a.rec.published)
    || (a.rec.index - b.rec.index);
}

/** Hits (with statuses) in ranked order, sorted in place. */
export function rank(hits) { return hits.sort(compareHits); }
