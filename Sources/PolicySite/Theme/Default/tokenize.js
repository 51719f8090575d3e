//# allFunctionsCalledOnLoad
/*
 * tokenize.js — how a query becomes search keys: the browser's half of the contract that
 * Sources/PolicySearch/Tokenizer.swift specifies (read its doc comment first; the two must
 * agree). An ES module, no build step, no DOM: it loads without a page, and the shared test
 * vectors (Tests/Vectors/tokenize.json) run it as it is, in Chromium, as the Swift tests run
 * Tokenizer.swift.
 *
 * A term is an array of normalised code points. Keys are strings: `T<token>`, `B<xy>`,
 * `L<x>`, `R<x>`, `U<x>`.
 */

/** The normalised form of one code point: bracket variants to 〔 〕, ASCII letters lower-cased. */
export function fold(c) {
  if (c >= 0x41 && c <= 0x5A) return c + 0x20;
  if (c === 0x28 || c === 0x5B || c === 0x3010 || c === 0xFF08 || c === 0xFF3B) return 0x3014;
  if (c === 0x29 || c === 0x5D || c === 0x3011 || c === 0xFF09 || c === 0xFF3D) return 0x3015;
  return c;
}

/** White space and control characters: the explicit list of Tokenizer.isSpace. */
export function isSpace(c) {
  if (c <= 0x20 || (c >= 0x7F && c <= 0xA0)) return true;
  if (c < 0x1680) return false;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200B) || c === 0x2028 || c === 0x2029 ||
    c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
}

/** ASCII letters and digits: the scalars of `T` tokens. */
export function isWord(c) {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A);
}

/** The code points of a string (a surrogate pair is one). */
export function codePoints(text) {
  var out = [];
  for (var i = 0; i < text.length; i++) {
    var c = text.codePointAt(i);
    if (c > 0xFFFF) i++;
    out.push(c);
  }
  return out;
}

export function str(cps) { return String.fromCodePoint.apply(null, cps); }

/** The query's terms: normalised code points, split at spaces. */
export function terms(query) {
  var out = [], cur = [];
  codePoints(query).forEach(function (c) {
    c = fold(c);
    if (isSpace(c)) { if (cur.length) { out.push(cur); cur = []; } } else cur.push(c);
  });
  if (cur.length) out.push(cur);
  return out;
}

/** Word runs and char runs of a term, with their offsets. */
export function segments(cps) {
  var segs = [];
  for (var i = 0; i < cps.length;) {
    var word = isWord(cps[i]), j = i + 1;
    while (j < cps.length && isWord(cps[j]) === word) j++;
    segs.push({ word: word, start: i, cps: cps.slice(i, j) });
    i = j;
  }
  return segs;
}

/** Whether a term is one char scalar and nothing else: it is looked up by its `U` key alone. */
export function isSingleChar(cps) { return cps.length === 1 && !isWord(cps[0]); }

/**
 * The parts of a term (Tokenizer.swift, 4.): keys with offsets inside the term. A term of one
 * char scalar is its `U` key. A run of 5 or more chars keeps the pairs that cover it with the
 * fewest bytes of large postings: `cost(key)` gives a key's bytes (meta.bin lists the large
 * keys' sizes, so the cover costs no request); without it every pair costs nothing.
 */
export function partsOf(cps, cost) {
  if (isSingleChar(cps)) return [{ key: 'U' + str(cps), offset: 0 }];
  var jobs = segments(cps).map(function (s, i) {
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
    return pick(cheapestCover(all.map(function (p) { return cost ? cost(p.key) : 0; })));
  });
  return [].concat.apply([], jobs);
}

/** Offsets of pairs covering every char of a run (consecutive picks at most 2 apart), cheapest first. */
export function cheapestCover(cost) {
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
