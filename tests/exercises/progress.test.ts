import { expect, test } from 'vitest';
import { emptyProgress, HISTORY_LIMIT, loadProgress, mergeProgress, PROGRESS_FORMAT, PROGRESS_VERSION, recordCheck, serialiseProgress, solvedCount, STUDENT_FIELD_MAX, STUDENT_KEY, VARIANT_SEED_KEY } from '../../exercises/progress.ts';

const good = { code: 'function f() {}', attempts: 2, bestScore: 1, maxScore: 4, solved: false, updatedAt: '2025-03-01T10:00:00.000Z' };
const doc = (exercises: Record<string, unknown>) => ({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises, rejected: {} });

test('valid progress round-trips through export and import', () => {
  const { progress, problems } = loadProgress(serialiseProgress(loadProgress(doc({ 'mlp-backward': good })).progress));
  expect(problems).toEqual([]);
  expect(progress.exercises['mlp-backward']).toEqual(good);
});

test('a corrupt entry is reported and set aside, the others load', () => {
  const bad = { ...good, attempts: -1 };
  const { progress, problems } = loadProgress(doc({ 'mlp-backward': good, 'adam-step': bad, 'relu-backward': 'garbage' }));
  expect(Object.keys(progress.exercises)).toEqual(['mlp-backward']);
  expect(problems.map((p) => p.id).sort()).toEqual(['adam-step', 'relu-backward']);
  expect(progress.rejected['adam-step'].raw).toEqual(bad);
});

test('a set-aside entry is never silently lost: it survives export and a second load', () => {
  const first = loadProgress(doc({ 'adam-step': { ...good, bestScore: 9 } })).progress;
  const second = loadProgress(serialiseProgress(first));
  expect(second.progress.rejected['adam-step'].raw).toEqual({ ...good, bestScore: 9 });
});

test('unreadable documents never throw: not JSON, the wrong format, a future version', () => {
  for (const input of ['{not json', JSON.stringify({ hello: 1 }), JSON.stringify({ ...doc({}), version: 99 }), 42, []]) {
    const { progress, problems } = loadProgress(input);
    expect(progress.exercises).toEqual({});
    expect(problems).toHaveLength(1);
    expect(progress.rejected['*'].raw).toBeDefined();
  }
});

test('entries of unknown exercises are set aside when the known ids are given', () => {
  const { progress, problems } = loadProgress(doc({ 'no-such-exercise': good }), ['mlp-backward']);
  expect(progress.exercises).toEqual({});
  expect(problems[0].reason).toMatch(/no exercise/);
});

test('a check counts an attempt only when it counts, and keeps the best score', () => {
  const now = new Date('2025-03-02T00:00:00Z');
  let p = recordCheck(emptyProgress(), 'mlp-backward', { code: 'a', score: 0, maxScore: 4, passed: false, countsAsAttempt: false }, now);
  expect(p.exercises['mlp-backward'].attempts).toBe(0);
  p = recordCheck(p, 'mlp-backward', { code: 'b', score: 3, maxScore: 4, passed: false, countsAsAttempt: true }, now);
  p = recordCheck(p, 'mlp-backward', { code: 'c', score: 1, maxScore: 4, passed: false, countsAsAttempt: true }, now);
  expect(p.exercises['mlp-backward']).toMatchObject({ code: 'c', attempts: 2, bestScore: 3, solved: false });
  p = recordCheck(p, 'mlp-backward', { code: 'd', score: 4, maxScore: 4, passed: true, countsAsAttempt: true }, now);
  expect(p.exercises['mlp-backward']).toMatchObject({ solved: true, bestScore: 4 });
  expect(loadProgress(serialiseProgress(p)).problems).toEqual([]);
  expect(solvedCount(p, ['mlp-backward', 'adam-step'])).toEqual({ solved: 1, total: 2 });
});

test('importing merges: a solved entry wins over an unsolved one', () => {
  const solved = { ...good, bestScore: 4, solved: true };
  const merged = mergeProgress(loadProgress(doc({ 'mlp-backward': good })).progress, loadProgress(doc({ 'mlp-backward': solved })).progress);
  expect(merged.exercises['mlp-backward'].solved).toBe(true);
});

test('the learner\'s variant seed is kept, exported and read back', () => {
  const { progress, problems } = loadProgress({ ...doc({ 'mlp-backward': good }), variantSeed: 123456 });
  expect(problems).toEqual([]);
  expect(progress.variantSeed).toBe(123456);
  expect(JSON.parse(serialiseProgress(progress)).variantSeed).toBe(123456);
  expect(loadProgress(serialiseProgress(progress)).progress.variantSeed).toBe(123456);
  // A document from before seeds loads as it did, without one.
  expect(loadProgress(doc({})).progress.variantSeed).toBeUndefined();
});

test('an unreadable variant seed is reported and set aside, the entries load, and the raw value survives export', () => {
  const { progress, problems } = loadProgress({ ...doc({ 'mlp-backward': good }), variantSeed: 'forty-two' });
  expect(progress.variantSeed).toBeUndefined();
  expect(progress.exercises['mlp-backward']).toEqual(good);
  expect(problems).toEqual([{ id: VARIANT_SEED_KEY, reason: expect.stringMatching(/variant seed must be a whole number/) }]);
  const again = loadProgress(serialiseProgress(progress)).progress;
  expect(again.rejected[VARIANT_SEED_KEY].raw).toBe('forty-two');
});

test('checks keep the seed, and importing keeps the seed a browser has (or adopts the imported one if it has none)', () => {
  const withSeed = { ...emptyProgress(), variantSeed: 7 };
  const checked = recordCheck(withSeed, 'mlp-backward', { code: 'a', score: 1, maxScore: 4, passed: false, countsAsAttempt: true });
  expect(checked.variantSeed).toBe(7);
  expect(mergeProgress(withSeed, { ...emptyProgress(), variantSeed: 9 }).variantSeed).toBe(7);
  expect(mergeProgress(emptyProgress(), { ...emptyProgress(), variantSeed: 9 }).variantSeed).toBe(9);
  expect('variantSeed' in mergeProgress(emptyProgress(), emptyProgress())).toBe(false);
});

test('a met Playground challenge is recorded once, exported, read back and merged; a corrupt one is set aside and kept', async () => {
  const { recordChallenge, challengeMet, CHALLENGE_KEY_PREFIX } = await import('../../exercises/progress.ts');
  const first = recordChallenge(emptyProgress(), 'xor-linear', 'acc:0.95,units:0', 40, new Date('2026-01-02T00:00:00Z'));
  expect(challengeMet(first, 'xor-linear')).toBe(true);
  expect(challengeMet(first, 'spiral-small')).toBe(false);
  // Meeting it again keeps the first meeting.
  expect(recordChallenge(first, 'xor-linear', 'acc:0.95,units:0', 90)).toBe(first);
  const loaded = loadProgress(serialiseProgress(first));
  expect(loaded.problems).toEqual([]);
  expect(loaded.progress.challenges).toEqual({ 'xor-linear': { met: true, goal: 'acc:0.95,units:0', epoch: 40, metAt: '2026-01-02T00:00:00.000Z' } });
  // Progress saved before challenges existed has none, and loads as before.
  expect(loadProgress(doc({ 'mlp-backward': good })).progress.challenges).toBeUndefined();
  // Corrupt entries, or a corrupt whole, are reported and set aside; the good ones load.
  const corrupt = loadProgress({ ...doc({}), challenges: { 'xor-linear': { met: 'yes' }, 'Bad Id': { met: true, goal: '', epoch: 1, metAt: '2026-01-01' }, 'spiral-small': first.challenges!['xor-linear'] } });
  expect(corrupt.problems.map((p) => p.id).sort()).toEqual([`${CHALLENGE_KEY_PREFIX}Bad Id`, `${CHALLENGE_KEY_PREFIX}xor-linear`]);
  expect(Object.keys(corrupt.progress.challenges!)).toEqual(['spiral-small']);
  expect(corrupt.progress.rejected[`${CHALLENGE_KEY_PREFIX}xor-linear`].raw).toEqual({ met: 'yes' });
  const notObject = loadProgress({ ...doc({ 'mlp-backward': good }), challenges: [1, 2] });
  expect(notObject.problems).toEqual([{ id: `${CHALLENGE_KEY_PREFIX}*`, reason: 'challenges must be an object of challenge entries' }]);
  expect(notObject.progress.exercises['mlp-backward']).toEqual(good);
  // Merging: met in either is met, the earlier meeting kept.
  const later = recordChallenge(emptyProgress(), 'xor-linear', 'acc:0.95,units:0', 70, new Date('2026-02-01T00:00:00Z'));
  const other = recordChallenge(later, 'spiral-small', 'loss:0.1', 300, new Date('2026-02-01T00:00:00Z'));
  const merged = mergeProgress(other, first);
  expect(merged.challenges!['xor-linear'].epoch).toBe(40);
  expect(Object.keys(merged.challenges!).sort()).toEqual(['spiral-small', 'xor-linear']);
  expect(mergeProgress(emptyProgress(), emptyProgress()).challenges).toBeUndefined();
});

test('each counted attempt is kept in a bounded history with its recognised misconceptions, never its code', () => {
  let progress = emptyProgress();
  const check = (score: number, misconceptions: string[], countsAsAttempt = true) =>
    (progress = recordCheck(progress, 'sigmoid-backward', { code: 'secret code', score, maxScore: 1, passed: score === 1, countsAsAttempt, misconceptions }));
  check(0, ['forgot-sigmoid-derivative']);
  check(0, [], false);
  check(1, []);
  const entry = progress.exercises['sigmoid-backward'];
  expect(entry.history?.map((a) => [a.score, a.misconceptions])).toEqual([
    [0, ['forgot-sigmoid-derivative']],
    [1, []],
  ]);
  expect(JSON.stringify(entry.history)).not.toContain('secret code');
  for (let i = 0; i < HISTORY_LIMIT + 5; i++) check(0, [`wrong-${i}`]);
  const history = progress.exercises['sigmoid-backward'].history!;
  expect(history).toHaveLength(HISTORY_LIMIT);
  expect(history.at(-1)!.misconceptions).toEqual([`wrong-${HISTORY_LIMIT + 4}`]);
  // It survives the round trip through the export.
  expect(loadProgress(serialiseProgress(progress)).progress.exercises['sigmoid-backward'].history).toEqual(history);
});

test('a corrupt history sets its entry aside with the reason; an entry without one (older progress) loads', () => {
  const base = { code: '', attempts: 1, bestScore: 0, maxScore: 1, solved: false, updatedAt: '2026-01-01T00:00:00Z' };
  const doc = (history: unknown) => ({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: { a: { ...base, history }, b: base } });
  expect(loadProgress(doc([{ at: 'never', score: 0, misconceptions: [] }])).problems).toEqual([{ id: 'a', reason: 'history[0]: at must be a date' }]);
  expect(loadProgress(doc([{ at: base.updatedAt, score: 2, misconceptions: [] }])).problems[0].reason).toContain('score');
  expect(loadProgress(doc([{ at: base.updatedAt, score: 0, misconceptions: ['<script>'] }])).problems[0].reason).toContain('kebab-case');
  expect(loadProgress(doc('lots')).problems[0].reason).toBe('history must be a list of attempts');
  expect(loadProgress(doc(Array(HISTORY_LIMIT + 1).fill({ at: base.updatedAt, score: 0, misconceptions: [] }))).problems[0].reason).toContain('at most');
  const loaded = loadProgress(doc(undefined));
  expect(loaded.problems).toEqual([]);
  expect(loaded.progress.exercises.b.history).toBeUndefined();
});

test('merging keeps every attempt of both histories once, in time order', () => {
  const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
  const entry = (history: { at: string; score: number; misconceptions: string[] }[]) => ({
    code: '', attempts: history.length, bestScore: 0, maxScore: 1, solved: false, updatedAt: history.at(-1)!.at, history,
  });
  const shared = { at: at(1), score: 0, misconceptions: ['sign'] };
  const ours = { ...emptyProgress(), exercises: { a: entry([shared, { at: at(5), score: 0, misconceptions: [] }]) } };
  const theirs = { ...emptyProgress(), exercises: { a: entry([shared, { at: at(3), score: 0, misconceptions: ['double'] }]) } };
  expect(mergeProgress(ours, theirs).exercises.a.history!.map((a) => a.at)).toEqual([at(1), at(3), at(5)]);
});

test('a student identity is kept, validated, set aside when corrupt, and survives merging', () => {
  const doc = (student: unknown) => ({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: {}, student });
  expect(loadProgress(doc({ course: 'nn-2027', id: 's123' })).progress.student).toEqual({ course: 'nn-2027', id: 's123' });
  for (const bad of [null, 'me', { course: '', id: 'x' }, { course: 'c', id: ' x' }, { course: 'c', id: 'x'.repeat(STUDENT_FIELD_MAX + 1) }, { course: 'c\u0007', id: 'x' }]) {
    const loaded = loadProgress(doc(bad));
    expect(loaded.progress.student).toBeUndefined();
    expect(loaded.problems.map((p) => p.id)).toEqual([STUDENT_KEY]);
    expect(loaded.progress.rejected[STUDENT_KEY].raw).toEqual(bad);
  }
  const mine = { ...emptyProgress(), student: { course: 'c', id: 'me' } };
  const other = { ...emptyProgress(), student: { course: 'c', id: 'them' } };
  expect(mergeProgress(mine, other).student).toEqual({ course: 'c', id: 'me' });
  expect(mergeProgress(emptyProgress(), other).student).toEqual({ course: 'c', id: 'them' });
});
