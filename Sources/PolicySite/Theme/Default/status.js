/*
 * status.js — 时效性 in the browser: the one port of Library.status(of:at:) and
 * Library.explanation(of:for:) (Sources/PolicyModel/Status.swift). An ES module, no build step;
 * match.js (the search), search.js and status-live.js import it. Tests/Vectors/status.json holds the cases both
 * this module and the Swift tests must agree on: change the rules in both places, then there.
 *
 * Dates are days since 1970-01-01 (`dayOf` reads an ISO date). Facts, as pages carry them in
 * `data-status-facts` (JSON, ISO dates, absent fields left out) and `readFacts` turns into
 * day numbers:
 *   effective   the document's 施行日期
 *   expires     有效期至 (inclusive), or none
 *   repealed    { date, by? }: its own repeal (by: the repealing document's quoted title)
 *   endings     cleanup results that end it, oldest batch first:
 *               { effective, outcome: "repealed" | "declared-invalid", title? (the batch's) }
 *   successors  documents that supersede it, in the order the model tries them:
 *               { published, effective, title? (quoted) }
 */

/** Status codes in listing order (ValidityStatus.rank), with their names. */
export const STATUS_CODES = ['in-force', 'not-yet-in-force', 'superseded', 'expired', 'repealed'];
export const STATUS_NAMES = {
  'in-force': '现行有效', 'not-yet-in-force': '尚未生效', superseded: '已修改', expired: '已失效', repealed: '已废止'
};
/** Endings' outcomes as search/meta.bin numbers them. */
export const ENDING_REPEALED = 0;
export const ENDING_DECLARED_INVALID = 1;

/** An ISO date (YYYY-MM-DD) as a day number, or null when it is not a real date. */
export function dayOf(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return null;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
  return Math.round(t / 86400000);
}

/** A day number as an ISO date. */
export function isoOf(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }

/** A day number as the site writes dates in prose: `2026年12月2日` (CalendarDate.chinese). */
export function chineseOf(day) {
  const d = new Date(day * 86400000);
  return d.getUTCFullYear() + '年' + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日';
}

const dayFormats = new Map();
/** Today's ISO date in `timeZone` (an IANA name, site.yml `timezone`); `now` for tests. */
export function today(timeZone, now = new Date()) {
  try {
    // One formatter per zone: constructing an Intl.DateTimeFormat costs more than a query's setup.
    if (!dayFormats.has(timeZone)) {
      dayFormats.set(timeZone, new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
    }
    const parts = dayFormats.get(timeZone).formatToParts(now);
    const get = (type) => parts.find((p) => p.type === type).value;
    return get('year') + '-' + get('month') + '-' + get('day');
  } catch (e) {
    return now.toISOString().slice(0, 10);
  }
}

/** Page facts (ISO dates, as in data-status-facts) → the facts `statusOf` reads. */
export function readFacts(json) {
  const facts = typeof json === 'string' ? JSON.parse(json) : json;
  const repealed = facts.repealed || null;
  return {
    effective: dayOf(facts.effective),
    expires: facts.expires ? dayOf(facts.expires) : null,
    repealed: repealed ? dayOf(repealed.date) : null,
    repealedBy: repealed && repealed.by ? repealed.by : null,
    endings: (facts.endings || []).map((e) => ({
      date: dayOf(e.effective), outcome: e.outcome === 'repealed' ? ENDING_REPEALED : ENDING_DECLARED_INVALID,
      title: e.title || null
    })),
    successors: (facts.successors || []).map((s) => ({
      published: dayOf(s.published), effective: dayOf(s.effective), title: s.title || null
    }))
  };
}

/**
 * The status of a document on `day`, with the facts that explain it: { status, since, cause }
 * where cause is null, { repealedBy }, { ending }, { successor } or 'validity-period'.
 * First matching row wins, as in Status.swift. `successors` are facts, or (match.js, whose
 * meta.bin names them by number) indices into `docs`.
 */
export function statusReport(d, day, docs) {
  if (d.repealed !== null && d.repealed <= day) {                                   // own repeal in effect
    return { status: 'repealed', since: d.repealed, cause: d.repealedBy ? { repealedBy: d.repealedBy } : null };
  }
  const endings = d.endings.filter((e) => e.date <= day);
  const repeal = endings.find((e) => e.outcome === ENDING_REPEALED);                 // cleanup 废止
  if (repeal) return { status: 'repealed', since: repeal.date, cause: { ending: repeal } };
  if (d.expires !== null && d.expires < day) {                                       // validity period over
    return { status: 'expired', since: d.expires + 1, cause: 'validity-period' };
  }
  const invalid = endings.find((e) => e.outcome === ENDING_DECLARED_INVALID);        // cleanup 宣布失效
  if (invalid) return { status: 'expired', since: invalid.date, cause: { ending: invalid } };
  // The earliest successor in effect; it counts once it is published (one not yet
  // published is not on the site, as a build on that day would have it).
  let successor = null;
  for (const ref of d.successors) {
    const s = typeof ref === 'number' ? docs[ref] : ref;
    if (s.published <= day && s.effective <= day && (successor === null || s.effective < successor.effective)) successor = s;
  }
  if (successor) return { status: 'superseded', since: successor.effective, cause: { successor } };
  if (day < d.effective) return { status: 'not-yet-in-force', since: null, cause: null };
  return { status: 'in-force', since: d.effective, cause: null };
}

/** Whether a document with this status still (or soon will) bind anyone: the search's default filter (ValidityStatus.isCurrent). */
export function isCurrent(status) { return status === 'in-force' || status === 'not-yet-in-force'; }

/** The status code alone (the search filters and counts thousands of these). */
export function statusOf(d, day, docs) { return statusReport(d, day, docs).status; }

/** The badge's explanation, as Library.explanation writes it: `已废止 · 2024-12-31 · 被《…》废止`. */
export function explanation(d, report) {
  const parts = [STATUS_NAMES[report.status]];
  if (report.status === 'not-yet-in-force') parts.push(isoOf(d.effective) + ' 起施行');
  else if (report.status === 'in-force') { if (d.expires !== null) parts.push('有效期至 ' + isoOf(d.expires)); }
  else if (report.since !== null) parts.push(isoOf(report.since));
  const cause = report.cause;
  if (cause === 'validity-period') parts.push('有效期届满');
  else if (cause && cause.repealedBy) parts.push('被' + cause.repealedBy + '废止');
  else if (cause && cause.successor && cause.successor.title) parts.push('被' + cause.successor.title + '修订');
  else if (cause && cause.ending && cause.ending.title) {
    parts.push('依《' + cause.ending.title + (report.status === 'repealed' ? '》废止' : '》宣布失效'));
  }
  return parts.join(' · ');
}
