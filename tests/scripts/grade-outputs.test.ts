import { describe, expect, test } from 'vitest';
import { EXERCISES, maxScoreOf } from '../../exercises/index.ts';
import { exerciseHomes } from '../../scripts/grade/course-map.ts';
import { headingAnchors } from '../../site/course/heading-anchors.ts';
import { gradebookCsv } from '../../scripts/grade/gradebook.ts';
import { gradescopeResults, resultFileNames } from '../../scripts/grade/gradescope.ts';
import { classReport, escapeHtml, firstSentence, linkTo, reportHtml } from '../../scripts/grade/report.ts';
import type { GradedExport, GradeRow } from '../../scripts/grade/rows.ts';
import { summaryOf } from '../../scripts/grade/summary.ts';
import { parseCsv } from './rfc4180.ts';

// The writers of `npm run grade` on a fabricated class: Gradescope's results.json, the LMS gradebook, the class
// misconception report (its numbers and its HTML), and the summary. No sandbox runs here; the rows are made.

function row(file: string, exercise: string, score: number, maxScore: number, extra: Partial<GradeRow> = {}): GradeRow {
  return {
    submission: `${file}#${exercise}`,
    exercise,
    score,
    maxScore,
    passed: score === maxScore,
    status: score === maxScore ? 'passed' : 'failed',
    parts: [],
    misconceptions: [],
    problems: [],
    claimedScore: score,
    claimedMaxScore: maxScore,
    ...extra,
  };
}

const AT = '2026-03-01T10:00:00.000Z';
const attempt = (score: number, misconceptions: string[] = []) => ({ at: AT, score, misconceptions });

/** A student who answered sigmoid-backward (max 1) with the given history and final score, under an id. */
function student(id: string, history: { score: number; misconceptions: string[] }[], extra: Partial<GradedExport> = {}): GradedExport {
  const file = `/class/${id.replace(/\W/g, '_')}.json`;
  const final = history.at(-1)?.score ?? 0;
  return {
    file,
    name: id,
    student: { course: 'nn-2027', id },
    rows: [row(file, 'sigmoid-backward', final, 1)],
    attempts: { 'sigmoid-backward': { attempts: history.length, maxScore: 1, history: history.map((h) => attempt(h.score, h.misconceptions)) } },
    ...extra,
  };
}

const F = (...ids: string[]) => ({ score: 0, misconceptions: ids });
const P = { score: 1, misconceptions: [] };

// Eight students attempt sigmoid-backward: three forgot the upstream gradient at least once (one of them twice),
// two used x(1 − x); six solve it, in 1, 2, 2, 3, 1 and 4 attempts.
const CLASS: GradedExport[] = [
  student('ana', [F('forgot-upstream'), F('forgot-upstream'), P]),
  student('ben', [F('forgot-upstream', 'derivative-at-x'), P]),
  student('cy', [F('forgot-upstream')]),
  student('dee', [P]),
  student('eli', [F('derivative-at-x'), P]),
  // An id the exercise does not know is not counted, nor is a misconception in a passing attempt.
  student('fay', [F('no-such-slip'), F(), F(), { score: 1, misconceptions: ['sigmoid-not-derivative'] }]),
  student('gus', [F()]),
  student('hal', [P]),
];

describe('Gradescope results.json', () => {
  const graded = student('ana', [F('forgot-upstream'), P]);
  graded.rows.push(row(graded.file, 'relu-backward', 0, 1, { misconceptions: ['relu-of-upstream'], flag: 'claimed 1/1, re-graded 0/1', claimedScore: 1 }));
  const results = gradescopeResults(graded);

  test('has a score and one test per exercise with name, score, max_score, status, visibility and output', () => {
    expect(results.score).toBe(1);
    expect(results.tests).toHaveLength(EXERCISES.length);
    for (const [index, t] of results.tests.entries()) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'number', 'output', 'score', 'status', 'visibility']);
      expect(t.max_score).toBe(maxScoreOf(EXERCISES[index]));
      expect(t.visibility).toBe('visible');
      expect(typeof t.output).toBe('string');
    }
    expect(results.tests.reduce((total, t) => total + t.score, 0)).toBe(results.score);
  });

  test('says each answer\'s verdict, its misconceptions and the flag; an exercise without an answer scores 0', () => {
    const sigmoid = results.tests.find((t) => t.name.endsWith('(sigmoid-backward)'))!;
    expect(sigmoid).toMatchObject({ score: 1, status: 'passed', output: 'Passed on the hidden cases.' });
    const relu = results.tests.find((t) => t.name.endsWith('(relu-backward)'))!;
    expect(relu).toMatchObject({ score: 0, status: 'failed' });
    expect(relu.output).toContain('Recognised: relu-of-upstream.');
    expect(relu.output).toContain('claimed 1/1, re-graded 0/1');
    expect(results.output).toContain('relu-backward: claimed 1/1, re-graded 0/1');
    expect(results.tests.find((t) => t.name.endsWith('(adam-step)'))).toMatchObject({ score: 0, status: 'failed', output: 'No answer in the export.' });
  });

  test('file names are safe and unique whatever the student ids', () => {
    expect(resultFileNames(['ana', '../../etc/passwd', 'Ana', '<script>', 'x.json'])).toEqual(['ana.json', '__.._etc_passwd.json', 'Ana-2.json', '_script_.json', 'x.json']);
  });
});

describe('the gradebook CSV', () => {
  const tricky = 'O\'Brien, "Bo"';
  const csv = gradebookCsv([
    student(tricky, [F('forgot-upstream'), P]),
    student('cy', [F('forgot-upstream')], { rows: [row('/class/cy.json', 'sigmoid-backward', 0, 1), row('/class/cy.json', 'count-parameters', 1, 2, { flag: 'claimed 2/2, re-graded 1/2' })] }),
    { file: '/class/broken.json', name: 'broken.json', rows: [row('/class/broken.json', '*', 0, 0, { status: 'unreadable', problems: ['the saved progress is not JSON'] })], attempts: {}, unreadable: 'the saved progress is not JSON' },
  ]);
  const table = parseCsv(csv);
  const header = table[0];
  const column = (name: string) => header.indexOf(name);

  test('has one column per exercise in course order, a total and the notes, and a Points Possible row', () => {
    expect(header).toEqual(['student', 'course', 'file', ...EXERCISES.map((e) => e.id), 'total', 'notes']);
    expect(table[1][0]).toBe('Points Possible');
    expect(Number(table[1][column('total')])).toBe(EXERCISES.reduce((t, e) => t + maxScoreOf(e), 0));
    expect(Number(table[1][column('count-parameters')])).toBe(2);
    expect(table.every((r) => r.length === header.length)).toBe(true);
  });

  test('a student id with a comma and quotes survives the round trip; totals and empty cells are right', () => {
    expect(table).toHaveLength(5);
    expect(table[2][0]).toBe(tricky);
    expect(table[2][column('sigmoid-backward')]).toBe('1');
    expect(table[2][column('relu-backward')]).toBe('');
    expect(table[2][column('total')]).toBe('1');
    expect(table[3][column('total')]).toBe('1');
    expect(table[3][column('notes')]).toBe('count-parameters: claimed 2/2, re-graded 1/2');
    expect(table[4]).toMatchObject({ 0: 'broken.json', [column('total')]: '0', [column('notes')]: 'the saved progress is not JSON' });
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('the class misconception report', () => {
  const homes = exerciseHomes();
  const report = classReport(CLASS, homes, '/', new Date(AT));
  const sigmoid = report.exercises.find((x) => x.id === 'sigmoid-backward')!;

  test('counts who attempted and solved each exercise, and the attempts solving took', () => {
    expect(report.students).toBe(8);
    expect(sigmoid).toMatchObject({ attempted: 8, solved: 6, chapter: 'backprop', chapterTitle: 'Backpropagation' });
    expect(sigmoid.attemptsToSolve).toEqual({ median: 2, distribution: { 1: 2, 2: 2, 3: 1, 4: 1 } });
    expect(report.exercises.map((x) => x.id)).toEqual(homes.map((h) => h.id));
    expect(report.exercises.find((x) => x.id === 'adam-step')).toMatchObject({ attempted: 0, solved: 0, attemptsToSolve: { median: null, distribution: {} }, misconceptions: [] });
  });

  test('gives each misconception the share of students whose failed attempts showed it, and its attempts', () => {
    expect(sigmoid.misconceptions).toEqual([
      { id: 'forgot-upstream', text: "You returned the local derivative $\\sigma'(x)$ alone.", students: 3, share: 3 / 8, attempts: 4 },
      { id: 'derivative-at-x', text: 'You used $x(1 - x)$; the derivative is $\\sigma(x)(1 - \\sigma(x))$: apply the sigmoid first, then the formula.', students: 2, share: 2 / 8, attempts: 2 },
    ]);
  });

  test('a solve beyond the kept history counts the attempts the history let go', () => {
    const long = student('kim', [F('forgot-upstream'), P]);
    long.attempts['sigmoid-backward'].attempts = 25;
    const counted = classReport([long], homes, '/').exercises.find((x) => x.id === 'sigmoid-backward')!;
    // 23 attempts let go, then the kept fail and pass: the 25th solved it.
    expect(counted.attemptsToSolve.median).toBe(25);
  });

  test('links each exercise to the section above its <Exercise> tag, against the site URL', () => {
    expect(homes.find((h) => h.id === 'count-parameters')).toMatchObject({ chapter: 'mlp', path: 'lessons/mlp/#counting-parameters' });
    expect(linkTo('https://course.example/nn', 'lessons/mlp/#counting-parameters')).toBe('https://course.example/nn/lessons/mlp/#counting-parameters');
    expect(linkTo('../dist/', 'lessons/mlp/#counting-parameters')).toBe('../dist/lessons/mlp/index.html#counting-parameters');
    expect(linkTo('../dist', 'practice/')).toBe('../dist/practice/index.html');
    for (const home of homes) expect(home.path).toMatch(home.chapter === 'practice' ? /^practice\/$/ : new RegExp(`^lessons/${home.chapter}/#[a-z0-9-]`));
  });

  test('headings are given the ids the site gives them, a repeated one numbered', () => {
    expect(headingAnchors('---\ntitle: T\n---\n## Its gradient is ŷ − y\n```\n## not a heading\n```\n### Its gradient is ŷ − y\n# Why? (Part 2)').map((h) => h.id)).toEqual([
      'its-gradient-is-ŷ--y',
      'its-gradient-is-ŷ--y-1',
      'why-part-2',
    ]);
  });

  test('the first sentence stops at a full stop outside math and code', () => {
    expect(firstSentence('Use $a.b$ and `x.y` here. Then more.')).toBe('Use $a.b$ and `x.y` here.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});

describe('the report page', () => {
  const hostile = '<script>alert("x")</script>';
  const html = reportHtml(classReport([...CLASS, student(hostile, [F('forgot-upstream')], { student: { course: '<b>c</b>', id: hostile } })], exerciseHomes(), '/', new Date(AT)));

  test('escapes every string from an export: a <script> in a student id renders as text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>c</b>');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('&lt;b&gt;c&lt;/b&gt;');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  test('is self-contained and accessible: inline CSS, dark mode, print, captions, header cells, a lang', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link\b|src=/);
    expect(html).toMatch(/<caption>Misconceptions recognised in failed attempts at [^<]+<\/caption>/);
    expect(html).toContain('<th scope="row">');
    // 4 of 9 students forgot the upstream gradient; the feedback's math is MathML, needing no script.
    expect(html).toContain('<td class="num">44%');
    expect(html).toMatch(/You returned the local derivative <span class="katex"><math/);
    expect(html).toContain('href="/lessons/backprop/#computation-graphs-and-error-signals"');
  });
});

test('the summary names the students, the mean total, the flagged exports and the unreadable files', () => {
  const flagged = student('ivy', [P]);
  flagged.rows[0].flag = 'claimed 1/1, re-graded 0/1';
  const broken: GradedExport = { file: '/class/broken.json', name: 'broken.json', rows: [], attempts: {}, unreadable: 'not JSON' };
  expect(summaryOf([student('ana', [P]), student('cy', [F()]), flagged, broken])).toBe(
    '3 students, 3 answers graded, mean total 0.67\n1 flagged: ivy\n1 unreadable: broken.json (not JSON)\n',
  );
});

describe('course order and a configured course', () => {
  test('the homes list every exercise once, chapter by chapter in lesson order, each chapter in placement order, practice last', () => {
    const homes = exerciseHomes();
    expect(homes.map((h) => h.id).sort()).toEqual(EXERCISES.map((e) => e.id).sort());
    const chapters = homes.map((h) => h.chapter).filter((c, i, all) => all.indexOf(c) === i);
    expect(chapters.slice(0, 3)).toEqual(['perceptron', 'activations', 'mlp']);
    // A chapter's exercises are together: no chapter comes back after another one.
    expect(chapters).toHaveLength(new Set(homes.map((h) => h.chapter)).size);
    const backprop = homes.filter((h) => h.chapter === 'backprop').map((h) => h.id);
    expect(backprop.indexOf('small-network-gradient')).toBeLessThan(backprop.indexOf('gradient-check'));
  });

  test('a configured course keeps its chapters in its order, and the gradebook, Gradescope results and report follow it', () => {
    const course = { chapters: ['backprop', 'perceptron'], exercises: ['sigmoid-backward', 'gradient-check', 'perceptron-update'] };
    const homes = exerciseHomes(undefined, course);
    const ids = homes.map((h) => h.id);
    expect(ids).toEqual(['sigmoid-backward', 'gradient-check', 'perceptron-update']);
    const exercises = ids.map((id) => EXERCISES.find((e) => e.id === id)!);
    const graded = student('ana', [F('forgot-upstream'), P]);
    graded.rows.push(row(graded.file, 'relu-backward', 1, 1));
    const [header, possible, line] = parseCsv(gradebookCsv([graded], exercises));
    expect(header).toEqual(['student', 'course', 'file', ...ids, 'total', 'notes']);
    expect(Number(possible[header.indexOf('total')])).toBe(exercises.reduce((t, e) => t + maxScoreOf(e), 0));
    // relu-backward is not part of this course: it counts nowhere.
    expect(line[header.indexOf('total')]).toBe('1');
    const results = gradescopeResults(graded, exercises);
    expect(results.tests.map((t) => t.name)).toEqual(exercises.map((e) => `${e.title} (${e.id})`));
    expect(results.score).toBe(1);
    const report = classReport([graded], homes, '/');
    expect(report.exercises.map((x) => x.id)).toEqual(ids);
    expect(report.roster[0]).toMatchObject({ total: 1, solved: 1 });
  });
});
