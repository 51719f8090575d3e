/*
 * status-live.js — every page's statuses for the day it is read, not the day it was built.
 * An ES module, no build step; the status rules come from status.js (shared with the search).
 *
 * Without JavaScript a page shows the statuses of its build date, labelled with that date
 * (`时效性（按2026年12月2日计算）`). When today, in the site's time zone, is later, this
 * recomputes from the facts the page carries:
 *   [data-status-facts]   a badge whose status changes after the build date (StatusFacts
 *                         JSON): its text, style, explanation (`.status-details`) and the
 *                         label's date follow today;
 *   [data-status-tally]   a kind's documents whose status changes, with their build-time
 *                         status: the home page's counts and a library's filter counts;
 *   [data-notice-from]    a document page's notices (本文件已废止…), one per day it changes,
 *                         made by the build: the one of the latest day reached is shown;
 *   [data-id] rows        a library list: the 全部 list re-sorts (status, newest, id); a
 *                         status's list hides rows that left the status and shows the hidden
 *                         candidate rows ([data-status-candidate]) that took it on.
 * When it is done, <html data-status-live> names the day used ("build" if it left the page).
 * Content never becomes markup: only textContent and attributes are written.
 */
import { STATUS_CODES, STATUS_NAMES, chineseOf, dayOf, explanation, isoOf, readFacts, statusReport, today } from './status.js';

function meta(name) {
  const tag = document.querySelector('meta[name="' + name + '"]');
  return tag ? tag.content : '';
}

const built = dayOf(meta('policy-status-date'));
const day = dayOf(today(meta('policy-time-zone') || 'Asia/Shanghai'));

/** The status code a badge shows (badge-<code>). */
function shownStatus(badge) {
  return STATUS_CODES.find((code) => badge.classList.contains('badge-' + code)) || null;
}

/** A badge and its explanation for `day`. */
function updateBadge(badge) {
  let facts;
  try { facts = readFacts(badge.dataset.statusFacts); } catch (e) { return; }
  const report = statusReport(facts, day);
  const name = STATUS_NAMES[report.status];
  badge.classList.remove(...STATUS_CODES.map((code) => 'badge-' + code));
  badge.classList.add('badge-' + report.status);
  badge.textContent = name;
  const line = badge.closest('.status');
  if (!line) return;
  const text = explanation(facts, report);
  const details = text.startsWith(name + ' · ') ? text.slice(name.length + 3) : '';
  let span = line.querySelector('.status-details');
  if (!details) { if (span) span.remove(); return; }
  if (!span) {
    span = document.createElement('span');
    span.className = 'status-details';
    line.append(span);
  }
  span.textContent = details;
}

/** The document page's notice of the latest day reached; none when that day's is empty. */
function updateNotices(notices) {
  let due = null, dueFrom = null;
  for (const notice of notices) {
    const from = dayOf(notice.dataset.noticeFrom);
    if (from !== null && from <= day && (dueFrom === null || from > dueFrom)) { due = notice; dueFrom = from; }
  }
  for (const notice of notices) notice.hidden = notice !== due || notice.childElementCount === 0;
}

/** Per status, how many more (or fewer) documents of a tally have it today than on the build date. */
function tallyChange(element) {
  const change = Object.fromEntries(STATUS_CODES.map((code) => [code, 0]));
  let entries = [];
  try { entries = JSON.parse(element.dataset.statusTally); } catch (e) { return change; }
  for (const entry of entries) {
    change[entry.status] -= 1;
    change[statusReport(readFacts(entry.facts), day).status] += 1;
  }
  return change;
}

/** The home page's counts table row: each status's count, linked to its list when not 0. */
function updateCountRow(row, change) {
  const kind = (row.querySelector('th') || {}).textContent || '';
  for (const cell of row.querySelectorAll('td[data-status]')) {
    const code = cell.dataset.status;
    const count = parseInt(cell.textContent, 10) + (change[code] || 0);
    if (!Number.isFinite(count) || change[code] === 0) continue;
    cell.replaceChildren();
    if (count > 0 && cell.dataset.href) {
      const a = document.createElement('a');
      a.href = cell.dataset.href;
      a.setAttribute('aria-label', kind + '：' + STATUS_NAMES[code] + ' ' + count + ' 件');
      a.textContent = String(count);
      cell.append(a);
    } else {
      cell.textContent = String(count);
    }
  }
}

/** A library's filter counts, and the list caption's count on a status's list. */
function updateFilters(nav, change) {
  const counts = {};
  for (const item of nav.querySelectorAll('li[data-status]')) {
    const code = item.dataset.status, label = item.querySelector('.filter-count');
    const count = parseInt((label ? label.textContent : '').replace(/\D+/g, ''), 10) + (change[code] || 0);
    counts[code] = count;
    if (label && Number.isFinite(count)) label.textContent = '（' + count + '）';
  }
  const list = nav.dataset.listStatus;
  const caption = document.querySelector('.list-count');
  if (list && caption && Number.isFinite(counts[list])) caption.textContent = String(counts[list]);
}

/** The rows of one list: re-sorted (全部) or filtered to the list's status. */
function updateList(container, listStatus) {
  const rows = [...container.children].filter((row) => row.dataset.id);
  const statusOfRow = (row) => { const b = row.querySelector('.badge'); return b ? shownStatus(b) : null; };
  if (listStatus) {
    let shown = 0;
    for (const row of rows) {
      const keep = statusOfRow(row) === listStatus;
      row.hidden = !keep;
      if (keep) shown++;
    }
    const empty = container.querySelector('.list-empty');
    if (empty) empty.hidden = shown > 0;
    return;
  }
  const rank = (row) => STATUS_CODES.indexOf(statusOfRow(row));
  const sorted = rows.slice().sort((a, b) =>
    rank(a) - rank(b)
    || (a.dataset.published < b.dataset.published ? 1 : a.dataset.published > b.dataset.published ? -1 : 0)
    || (a.dataset.id < b.dataset.id ? -1 : a.dataset.id > b.dataset.id ? 1 : 0));
  if (sorted.some((row, i) => row !== rows[i])) {
    const after = rows[rows.length - 1].nextSibling;
    for (const row of sorted) container.insertBefore(row, after);
  }
}

function run() {
  if (built === null || day === null || day <= built) {
    document.documentElement.dataset.statusLive = 'build';
    return;
  }
  for (const time of document.querySelectorAll('time.status-date')) {
    time.dateTime = isoOf(day);
    time.textContent = chineseOf(day);
  }
  document.querySelectorAll('[data-status-facts]').forEach(updateBadge);
  const notices = document.querySelectorAll('[data-notice-from]');
  if (notices.length) updateNotices(notices);
  for (const element of document.querySelectorAll('[data-status-tally]')) {
    const change = tallyChange(element);
    if (element.matches('tr')) updateCountRow(element, change); else updateFilters(element, change);
  }
  const nav = document.querySelector('nav[data-list-status]');
  const containers = new Set([...document.querySelectorAll('[data-id]')].map((row) => row.parentElement));
  containers.forEach((container) => updateList(container, nav ? nav.dataset.listStatus : null));
  document.documentElement.dataset.statusLive = isoOf(day);
}

run();
