// The class misconception report: from a class's graded exports, per exercise in course order, how many students
// attempted and solved it (solved as re-graded, never as claimed), how many attempts solving took, and for each
// misconception the share of the students who attempted it whose failed attempts were recognised as it at least
// once, with the attempts counted, its feedback's first sentence and a link to the section that teaches it. The
// attempts are the histories the exports hold, as the page recorded them (at most the last 20 per exercise).
// reportHtml renders it as one self-contained page: inline CSS, no script, bars drawn in CSS, every string from
// an export escaped.

import katex from 'katex';
import { EXERCISES } from '../../exercises/index.ts';
import type { Exercise } from '../../exercises/index.ts';
import type { GenericDetector as GenericDetectorName } from '../../exercises/define-exercise.ts';
import type { ExerciseHome } from './course-map.ts';
import { scoresOf } from './gradebook.ts';
import type { GradedExport } from './rows.ts';
import { medianOrNull } from '../stats.ts';

/** One misconception's line of the report. */
export interface MisconceptionLine {
  id: string;
  /** The feedback's first sentence (Markdown with math), or a short description of a generic slip. */
  text: string;
  /** Students whose failed attempts were recognised as it at least once. */
  students: number;
  /** Their share of the students who attempted the exercise, 0 to 1. */
  share: number;
  /** Failed attempts recognised as it, over the class. */
  attempts: number;
}

/** One exercise's part of the report. */
export interface ExerciseReport {
  id: string;
  title: string;
  chapter: string;
  chapterTitle: string;
  /** The section that teaches it, against the report's site URL. */
  link: string;
  attempted: number;
  solved: number;
  /** Attempts each solver took to solve it: the median, and how many solvers took each number. */
  attemptsToSolve: { median: number | null; distribution: Record<string, number> };
  misconceptions: MisconceptionLine[];
}

/** The whole report, as report.json holds it. */
export interface ClassReport {
  generatedAt: string;
  siteUrl: string;
  students: number;
  unreadable: number;
  flagged: number;
  exercises: ExerciseReport[];
  roster: { name: string; course: string; total: number; solved: number; flags: number; unreadable?: string }[];
}

// The generic detectors' slips in a few words; their own messages speak of a part and a batch size the report lacks.
const GENERIC: Record<GenericDetectorName, string> = {
  zeros: "Left the starter's placeholder (all zeros).",
  sign: 'Had the sign of the answer flipped.',
  double: 'Had a factor of 2 too many.',
  half: 'Had a factor of 2 missing.',
  'sum-vs-mean': 'Summed over the batch instead of averaging.',
  'mean-twice': 'Divided by the batch size twice.',
  transposed: 'Transposed the gradient.',
  'activation-derivative': "Left out the activation's derivative.",
};

/** The first sentence of Markdown with math: up to the first `.`, `!` or `?` followed by a space, outside `$…$`. */
export function firstSentence(text: string): string {
  let math = false;
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && !code) math = !math;
    else if (c === '`' && !math) code = !code;
    else if (!math && !code && '.!?'.includes(c) && (i + 1 === text.length || /\s/.test(text[i + 1]))) return text.slice(0, i + 1).replace(/\s+/g, ' ').trim();
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** What a misconception id means for an exercise, or null when the exercise does not know it. */
function misconceptionText(exercise: Exercise, id: string): string | null {
  if (exercise.kind === 'choice') {
    const option = exercise.options.find((o) => o.id === id);
    return option === undefined ? null : firstSentence(option.explanation);
  }
  const own = exercise.misconceptions.find((m) => m.id === id);
  if (own !== undefined) return firstSentence(own.feedback);
  return id in GENERIC ? GENERIC[id as GenericDetectorName] : null;
}

/** The link of a section against the site URL: a folder's page as its index.html when the base is a folder on disk. */
export function linkTo(siteUrl: string, path: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  // A server serves a folder's index.html at the folder's path; a folder on disk (a relative path or file:) does not.
  const local = base.startsWith('file:') || !(base.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(base));
  return `${base}${local ? path.replace(/\/(#|$)/, '/index.html$1') : path}`;
}

/** The report of a class, one section per exercise of the course: those `homes` lists, in its order (course order). */
export function classReport(students: readonly GradedExport[], homes: readonly ExerciseHome[], siteUrl: string, now = new Date()): ClassReport {
  const readable = students.filter((s) => s.unreadable === undefined);
  const course = homes.map((home) => EXERCISES.find((e) => e.id === home.id)).filter((e) => e !== undefined);
  const exercises = course.map((exercise): ExerciseReport => {
    const home = homes.find((h) => h.id === exercise.id);
    let attempted = 0;
    let solved = 0;
    const toSolve: number[] = [];
    const lines = new Map<string, { students: number; attempts: number }>();
    for (const student of readable) {
      const entry = student.attempts[exercise.id];
      // An entry set aside (maxScore 0) is not an attempt the report can read; the gradebook's notes say why.
      const row = student.rows.find((r) => r.exercise === exercise.id && r.maxScore > 0);
      if ((entry === undefined || entry.attempts === 0) && row === undefined) continue;
      attempted++;
      if (row?.passed === true) {
        solved++;
        // The attempt that first passed, counting those the bounded history let go; without it, every attempt counted.
        const history = entry?.history ?? [];
        const first = history.findIndex((a) => a.score >= (entry?.maxScore ?? Infinity));
        const dropped = Math.max(0, (entry?.attempts ?? 0) - history.length);
        toSolve.push(Math.max(1, first >= 0 ? dropped + first + 1 : entry?.attempts ?? 1));
      }
      const seen = new Set<string>();
      for (const attempt of entry?.history ?? []) {
        if (attempt.score >= entry!.maxScore) continue;
        for (const id of new Set(attempt.misconceptions)) {
          // An id the exercise does not know is not counted: the report speaks only of slips the course describes.
          if (misconceptionText(exercise, id) === null) continue;
          const line = lines.get(id) ?? { students: 0, attempts: 0 };
          line.attempts++;
          if (!seen.has(id)) {
            seen.add(id);
            line.students++;
          }
          lines.set(id, line);
        }
      }
    }
    const distribution: Record<string, number> = {};
    for (const n of toSolve) distribution[n] = (distribution[n] ?? 0) + 1;
    return {
      id: exercise.id,
      title: exercise.title,
      chapter: home?.chapter ?? 'practice',
      chapterTitle: home?.chapterTitle ?? 'Practice',
      link: linkTo(siteUrl, home?.path ?? 'practice/'),
      attempted,
      solved,
      attemptsToSolve: { median: medianOrNull(toSolve), distribution },
      misconceptions: [...lines.entries()]
        .map(([id, line]) => ({ id, text: misconceptionText(exercise, id)!, students: line.students, share: attempted === 0 ? 0 : line.students / attempted, attempts: line.attempts }))
        .sort((a, b) => b.share - a.share || b.attempts - a.attempts || a.id.localeCompare(b.id)),
    };
  });
  const roster = students.map((s) => {
    const { total } = scoresOf(s, course);
    return {
      name: s.name,
      course: s.student?.course ?? '',
      total,
      solved: s.rows.filter((r) => r.passed && course.some((e) => e.id === r.exercise)).length,
      flags: s.rows.filter((r) => r.flag !== undefined).length,
      ...(s.unreadable !== undefined ? { unreadable: s.unreadable } : {}),
    };
  });
  return {
    generatedAt: now.toISOString(),
    siteUrl,
    students: readable.length,
    unreadable: students.length - readable.length,
    flagged: students.filter((s) => s.unreadable === undefined && s.rows.some((r) => r.flag !== undefined)).length,
    exercises,
    roster,
  };
}

/** Text made safe for HTML, in content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A feedback sentence as HTML: math as MathML (no script or font needed), `code` and *emphasis*, the rest escaped. */
export function sentenceHtml(text: string): string {
  return text
    .split(/(\$[^$]+\$|`[^`]+`)/)
    .map((piece) => {
      if (piece.startsWith('$') && piece.endsWith('$') && piece.length > 1) {
        return katex.renderToString(piece.slice(1, -1), { output: 'mathml', throwOnError: false });
      }
      if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1) return `<code>${escapeHtml(piece.slice(1, -1))}</code>`;
      return escapeHtml(piece).replace(/\*([^*]+)\*/g, '<em>$1</em>');
    })
    .join('');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #ffffff; --muted: #4a4a4a; --line: #c8c8c8; --bar: #1f5fa8; --track: #e4e9f0; --link: #0b57a4; --flag: #8a3b00; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececec; --bg: #16181c; --muted: #b8b8b8; --line: #474b52; --bar: #7fb2ee; --track: #2c323b; --link: #8cc4ff; --flag: #ffb27a; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1rem 3rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .25rem; }
p.meta, .note { color: var(--muted); margin: .25rem 0; }
a { color: var(--link); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th[scope="col"] { font-size: .9rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: block; height: .6rem; min-width: 4rem; background: var(--track); border-radius: 2px; margin-top: .3rem; }
.bar > span { display: block; height: 100%; background: var(--bar); border-radius: 2px; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: 0; list-style: none; }
.summary li strong { font-size: 1.2rem; }
.flag { color: var(--flag); }
code { font-size: .95em; }
.wrap { overflow-x: auto; }
.wrap:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
@media (max-width: 40rem) { th, td { padding: .3rem .3rem; } .bar { min-width: 2.5rem; } td:last-child { min-width: 13rem; } }
@media print { :root { --fg: #000; --bg: #fff; --muted: #333; --link: #000; --bar: #333; --track: #ddd; } body { max-width: none; padding: 0; } section { break-inside: avoid; } a { text-decoration: none; } .bar, .bar > span { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

/** The report as one self-contained HTML page. */
export function reportHtml(report: ClassReport): string {
  const e = escapeHtml;
  const attempted = report.exercises.filter((x) => x.attempted > 0);
  const untouched = report.exercises.filter((x) => x.attempted === 0);
  const sections = attempted.map((x) => {
    const distribution = Object.entries(x.attemptsToSolve.distribution)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([n, count]) => `${count} in ${n}`)
      .join(', ');
    const rows = x.misconceptions
      .map(
        (m) => `<tr><td class="num">${percent(m.share)}<span class="bar" aria-hidden="true"><span style="width:${Math.round(m.share * 100)}%"></span></span></td>` +
          `<td class="num">${m.students} of ${x.attempted}</td><td class="num">${m.attempts}</td>` +
          `<td>${sentenceHtml(m.text)} <span class="note">(<code>${e(m.id)}</code>)</span></td></tr>`,
      )
      .join('\n');
    const table =
      x.misconceptions.length === 0
        ? '<p class="note">No misconception was recognised in the failed attempts.</p>'
        : `<div class="wrap" tabindex="0" role="region" aria-label="Misconceptions at ${e(x.title)}"><table><caption>Misconceptions recognised in failed attempts at ${e(x.title)}</caption>
<thead><tr><th scope="col" class="num">Share</th><th scope="col" class="num">Students</th><th scope="col" class="num">Failed attempts</th><th scope="col">What they did</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
    return `<section aria-labelledby="ex-${e(x.id)}">
<h2 id="ex-${e(x.id)}">${e(x.title)} <span class="note">(<code>${e(x.id)}</code>)</span></h2>
<p class="meta">${e(x.chapterTitle)} · <a href="${e(x.link)}">the section that teaches it</a></p>
<p>${x.solved} of ${x.attempted} who attempted it solved it${x.attemptsToSolve.median === null ? '.' : `, in a median of ${x.attemptsToSolve.median} attempt${x.attemptsToSolve.median === 1 ? '' : 's'} (${distribution} attempts).`}</p>
${table}
</section>`;
  });
  const roster = report.roster
    .map(
      (s) => `<tr><th scope="row">${e(s.name)}</th><td>${e(s.course)}</td><td class="num">${s.total}</td><td class="num">${s.solved}</td><td${s.flags > 0 || s.unreadable ? ' class="flag"' : ''}>${
        s.unreadable !== undefined ? `unreadable: ${e(s.unreadable)}` : s.flags > 0 ? `${s.flags} flagged` : ''
      }</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class misconception report</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Class misconception report</h1>
<p class="meta">Generated ${e(report.generatedAt)} from ${report.students + report.unreadable} export${report.students + report.unreadable === 1 ? '' : 's'}. A share is of the students who attempted the exercise; the attempts are the recent ones each export keeps (at most 20 per exercise).</p>
<ul class="summary">
<li><strong>${report.students}</strong> students</li>
<li><strong>${attempted.length}</strong> exercises attempted</li>
<li><strong>${report.flagged}</strong> flagged exports</li>
<li><strong>${report.unreadable}</strong> unreadable files</li>
</ul>
${sections.join('\n')}
${untouched.length > 0 ? `<p class="note">Not attempted by anyone: ${untouched.map((x) => e(x.title)).join(', ')}.</p>` : ''}
<h2 id="students">Students</h2>
<div class="wrap" tabindex="0" role="region" aria-label="Students"><table><caption>Each student's re-graded total and exercises solved</caption>
<thead><tr><th scope="col">Student</th><th scope="col">Course</th><th scope="col" class="num">Total</th><th scope="col" class="num">Solved</th><th scope="col">Notes</th></tr></thead>
<tbody>
${roster}
</tbody></table></div>
</main>
</body>
</html>
`;
}
