/*
 * ranges.js — reads byte ranges of the search index's packed files (PackedPieces.swift) in as
 * few requests as possible. In the browser a request, not its bytes, is what a round of
 * fetches costs (docs/benchmarks.md: one range ~10 ms, ten at once ~85 ms on the bench
 * machine), so all the ranges a round needs from one file go in one request:
 *
 *   Range: bytes=a-b,c-d,…   → 206 multipart/byteranges, one part per range (RFC 9110 §14.6;
 *                              nginx, Apache, CloudFront and `policy serve` answer so)
 *   Range: bytes=a-b         → 206 with that range
 *
 * and degrades with the server: a 206 of one part that covers the ranges asked for is cut (a
 * server may merge them), one that covers fewer is completed range by range; a 200 to several
 * ranges from a server that says `Accept-Ranges: bytes` (Amazon S3 serves the whole file to
 * several ranges) is dropped unread and the ranges are asked for one by one from then on; any
 * other 200 (no range support at all) is kept as the whole file, and every later range of that
 * file is cut from it.
 * Ranges are sent ascending and without overlap (CloudFront's condition), and ranges less
 * than MERGE_GAP apart are merged (a part's headers cost about as much).
 */

const MERGE_GAP = 256;
const ascii = new TextDecoder('latin1');

/**
 * A reader of byte ranges of a site's files, with what it learnt of the server: whether it
 * answers several ranges in one request, and the files it sent whole.
 */
export class RangeReader {
  constructor(fetchImpl) {
    this.fetch = fetchImpl || ((url, init) => fetch(url, init));
    /** null: not known yet; false: it sent a whole file for several ranges. */
    this.multipart = null;
    /** url → promise of the whole file's bytes, from a server that ignored a range. */
    this.wholeFiles = new Map();
    /** Requests made, for the tests. */
    this.requests = 0;
  }

  /**
   * The bytes of `spans` ([from, to) pairs) of the file at `url`, one Uint8Array per span,
   * in the order given; one request for all of them when the server allows.
   */
  read(url, spans) {
    const whole = this.wholeFiles.get(url);
    if (whole) return whole.then((bytes) => spans.map(([from, to]) => bytes.subarray(from, to)));
    const ranges = mergeRanges(spans);
    const jobs = ranges.length > 1 && this.multipart === false
      ? ranges.map((r) => this.request(url, [r]))
      : [this.request(url, ranges)];
    return Promise.all(jobs).then((answers) => {
      const parts = answers.flat();
      const missing = spans.filter(([from, to]) => !holding(parts, from, to));
      if (!missing.length) return spans.map(([from, to]) => cut(parts, from, to));
      // A server that answered several ranges with fewer (the first one only): ask for the
      // rest one by one, from now on.
      this.multipart = false;
      return Promise.all(mergeRanges(missing).map((r) => this.request(url, [r]))).then((more) => {
        const all = parts.concat(more.flat());
        return spans.map(([from, to]) => cut(all, from, to));
      });
    });
  }

  /** One request for `ranges` → its parts, [{start, bytes}]. */
  request(url, ranges) {
    this.requests++;
    const header = 'bytes=' + ranges.map(([from, to]) => from + '-' + (to - 1)).join(',');
    return this.fetch(url, { headers: { Range: header } }).then((r) => {
      if (r.status === 206) {
        return r.arrayBuffer().then((buf) => {
          const bytes = new Uint8Array(buf), type = r.headers.get('Content-Type') || '';
          const boundary = /^multipart\/byteranges/i.test(type) ? boundaryOf(type) : null;
          if (boundary) return parseMultipart(bytes, boundary);
          const range = parseContentRange(r.headers.get('Content-Range'));
          // Without a readable Content-Range, a body of exactly one asked-for range is that range.
          if (range) return [{ start: range.start, bytes: bytes }];
          if (ranges.length === 1 && bytes.length === ranges[0][1] - ranges[0][0]) return [{ start: ranges[0][0], bytes: bytes }];
          throw new Error('索引文件不完整');
        });
      }
      if (!r.ok) throw new Error('无法读取检索索引（' + r.status + '）');
      if (ranges.length > 1 && /bytes/i.test(r.headers.get('Accept-Ranges') || '')) {
        // Several ranges answered by the whole file, from a server that serves ranges: ask
        // for them one by one.
        if (r.body) r.body.cancel().catch(() => {});
        this.multipart = false;
        return Promise.all(ranges.map((range) => this.request(url, [range]))).then((answers) => answers.flat());
      }
      let all = this.wholeFiles.get(url);
      if (!all) {
        all = r.arrayBuffer().then((buf) => new Uint8Array(buf));
        this.wholeFiles.set(url, all);
        all.catch(() => this.wholeFiles.delete(url));
      } else if (r.body) {
        r.body.cancel().catch(() => {});
      }
      return all.then((bytes) => [{ start: 0, bytes: bytes }]);
    });
  }
}

/** Spans ([from, to)) → ascending, non-overlapping ranges, merged when less than MERGE_GAP apart. */
export function mergeRanges(spans) {
  const sorted = spans.map((s) => [s[0], s[1]]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1] + MERGE_GAP) last[1] = Math.max(last[1], s[1]);
    else out.push(s);
  }
  return out;
}

/** The part [{start, bytes}] that holds bytes [from, to), if any. */
function holding(parts, from, to) {
  return parts.find((p) => p.start <= from && to <= p.start + p.bytes.length);
}

/** Bytes [from, to) out of parts; an error when no part holds them all. */
function cut(parts, from, to) {
  const p = holding(parts, from, to);
  if (!p) throw new Error('索引文件不完整');
  return p.bytes.subarray(from - p.start, to - p.start);
}

/** `bytes a-b/size` → {start, end (inclusive)}; null when absent or not that form. */
export function parseContentRange(value) {
  const m = /^\s*bytes\s+(\d+)-(\d+)\s*\/\s*(\d+|\*)\s*$/i.exec(value || '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

function boundaryOf(type) {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  return m ? m[1] || m[2] : null;
}

/**
 * A multipart/byteranges body → its parts [{start, bytes}]. Each part's length is read from
 * its Content-Range, not found by searching for the boundary, which binary data may contain.
 */
export function parseMultipart(body, boundary) {
  const delimiter = new Uint8Array(Array.from('--' + boundary, (c) => c.charCodeAt(0)));
  const parts = [];
  let at = indexOf(body, delimiter, 0);
  while (at >= 0) {
    at += delimiter.length;
    if (body[at] === 0x2D && body[at + 1] === 0x2D) return parts;   // "--": the closing delimiter
    const headEnd = indexOf(body, CRLF2, at);
    if (headEnd < 0) break;
    const head = ascii.decode(body.subarray(at, headEnd));
    const range = parseContentRange((/^content-range:(.*)$/im.exec(head) || [])[1]);
    if (!range) break;
    const start = headEnd + 4, end = start + range.end - range.start + 1;
    if (end > body.length) break;
    parts.push({ start: range.start, bytes: body.subarray(start, end) });
    at = indexOf(body, delimiter, end);
  }
  throw new Error('索引文件不完整');
}

const CRLF2 = new Uint8Array([13, 10, 13, 10]);

function indexOf(bytes, pattern, from) {
  const first = pattern[0], last = bytes.length - pattern.length;
  outer: for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}
