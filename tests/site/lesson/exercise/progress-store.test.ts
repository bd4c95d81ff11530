import { expect, test } from 'vitest';
import { PROGRESS_FORMAT, PROGRESS_VERSION, recordCheck, VARIANT_SEED_KEY } from '../../../../exercises/progress.ts';
import { PROGRESS_KEY, ProgressStore, type StorageLike } from '../../../../site/lesson/exercise/progress-store.ts';
import { entryName, noticeText } from '../../../../site/lesson/exercise/progress-notice.ts';

const ids = ['perceptron-update', 'mlp-backward'];
const good = { code: 'function f() {}', attempts: 2, bestScore: 1, maxScore: 2, solved: false, updatedAt: '2025-03-01T10:00:00.000Z' };

function memoryStorage(initial?: string): StorageLike & { text(): string | undefined } {
  const items = new Map<string, string>();
  if (initial !== undefined) items.set(PROGRESS_KEY, initial);
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    text: () => items.get(PROGRESS_KEY),
  };
}

const check = { code: 'x', score: 2, maxScore: 2, passed: true, countsAsAttempt: true };

test('a check is saved and read back by a new store, as after a reload', () => {
  const storage = memoryStorage();
  new ProgressStore(ids, storage).update((p) => recordCheck(p, 'mlp-backward', check));
  const entry = new ProgressStore(ids, storage).read().progress.exercises['mlp-backward'];
  expect(entry).toMatchObject({ code: 'x', attempts: 1, bestScore: 2, solved: true });
});

test('a corrupt entry is reported and kept in the saved document after the next change', () => {
  const storage = memoryStorage(
    JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: { 'perceptron-update': { code: 1 }, 'mlp-backward': good }, rejected: {} }),
  );
  const store = new ProgressStore(ids, storage);
  const { progress, problems } = store.read();
  expect(problems.map((p) => p.id)).toEqual(['perceptron-update']);
  expect(progress.exercises['mlp-backward']).toEqual(good);
  store.update((p) => recordCheck(p, 'mlp-backward', check));
  const saved = JSON.parse(storage.text()!);
  expect(saved.rejected['perceptron-update'].raw).toEqual({ code: 1 });
  expect(saved.exercises['mlp-backward'].solved).toBe(true);
});

test('saved text that is not JSON is set aside whole, never thrown', () => {
  const store = new ProgressStore(ids, memoryStorage('{not json'));
  const { progress, problems } = store.read();
  expect(problems).toHaveLength(1);
  expect(problems[0].id).toBe('*');
  expect(progress.exercises).toEqual({});
  expect(progress.rejected['*'].raw).toBe('{not json');
});

test('an export imported into an empty browser restores every exercise', () => {
  const from = new ProgressStore(ids, memoryStorage());
  from.update((p) => recordCheck(p, 'perceptron-update', check));
  const to = new ProgressStore(ids, memoryStorage());
  const outcome = to.importText(from.exportText());
  expect(outcome).toEqual({ exercises: 1, problems: [] });
  expect(to.read().progress.exercises['perceptron-update'].solved).toBe(true);
});

test('importing a file that is not a progress file changes nothing and says why', () => {
  const store = new ProgressStore(ids, memoryStorage());
  store.update((p) => recordCheck(p, 'perceptron-update', check));
  const outcome = store.importText(JSON.stringify({ hello: 'world' }));
  expect(outcome.exercises).toBe(0);
  expect(outcome.problems[0].reason).toMatch(/not a progress file/);
  expect(Object.keys(store.read().progress.exercises)).toEqual(['perceptron-update']);
});

test('forgetting the set-aside entries removes them and keeps the rest', () => {
  const storage = memoryStorage(
    JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: { 'perceptron-update': 'garbage', 'mlp-backward': good }, rejected: {} }),
  );
  const store = new ProgressStore(ids, storage);
  store.forgetRejected();
  const after = new ProgressStore(ids, storage).read();
  expect(after.progress.rejected).toEqual({});
  expect(after.progress.exercises['mlp-backward']).toEqual(good);
});

test('a browser that refuses storage keeps progress in the page and says it is unsaved', () => {
  const refusing: StorageLike = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    },
  };
  const store = new ProgressStore(ids, refusing);
  store.update((p) => recordCheck(p, 'perceptron-update', check));
  expect(store.unsaved).toBe(true);
  expect(store.read().progress.exercises['perceptron-update'].solved).toBe(true);
});

test('a wholly unreadable store is told apart from unreadable entries, and its copy is kept after the next change', () => {
  const storage = memoryStorage('{"format": "neural-notebook-progress", "version": 1, "exercises": {');
  const store = new ProgressStore(ids, storage);
  const whole = noticeText(store.read().progress.rejected);
  expect(whole).toMatch(/^Your saved progress could not be read at all \(the saved progress is not JSON/);
  expect(whole).toMatch(/every exercise here starts afresh/);
  expect(whole).not.toMatch(/saved entry|rest of your progress is fine/);
  store.update((p) => recordCheck(p, 'mlp-backward', check));
  const saved = JSON.parse(storage.text()!) as { rejected: Record<string, { raw: unknown }> };
  expect(saved.rejected['*'].raw).toBe('{"format": "neural-notebook-progress", "version": 1, "exercises": {');
  expect(noticeText(new ProgressStore(ids, storage).read().progress.rejected)).toMatch(/^Your saved progress could not be read at all/);
});

test('unreadable entries are counted, and the rest is said to be fine only then', () => {
  const reason = { raw: {}, reason: 'code must be text' };
  expect(noticeText({ a: reason })).toBe('1 saved entry could not be read and was set aside. The rest of your progress is fine; the entry is kept, so a download still contains it.');
  expect(noticeText({ a: reason, b: reason })).toMatch(/^2 saved entries could not be read and were set aside\. .*the entries are kept, so a download still contains them\.$/);
  expect(noticeText({ '*': { raw: 'x', reason: 'not JSON' }, a: reason })).toMatch(/could not be read at all \(not JSON\).* Besides, 1 saved entry could not be read and was set aside\.$/);
});

test('the learner seed is drawn once, saved, and the same after a reload', () => {
  const storage = memoryStorage();
  const seed = new ProgressStore(ids, storage).learnerSeed();
  expect(Number.isInteger(seed)).toBe(true);
  expect(JSON.parse(storage.text()!).variantSeed).toBe(seed);
  expect(new ProgressStore(ids, storage).learnerSeed()).toBe(seed);
});

test('a saved seed is used as it is, and survives a check', () => {
  const storage = memoryStorage(JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: {}, rejected: {}, variantSeed: 31337 }));
  const store = new ProgressStore(ids, storage);
  expect(store.learnerSeed()).toBe(31337);
  store.update((p) => recordCheck(p, 'mlp-backward', check));
  expect(JSON.parse(storage.text()!).variantSeed).toBe(31337);
});

test('an unreadable seed is set aside and kept (so an export still has it), and a new one is drawn', () => {
  const storage = memoryStorage(JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: { 'mlp-backward': good }, rejected: {}, variantSeed: -3 }));
  const store = new ProgressStore(ids, storage);
  expect(store.read().problems.map((p) => p.id)).toEqual([VARIANT_SEED_KEY]);
  const seed = store.learnerSeed();
  expect(seed).toBeGreaterThanOrEqual(0);
  const saved = JSON.parse(storage.text()!);
  expect(saved).toMatchObject({ variantSeed: seed, exercises: { 'mlp-backward': good } });
  expect(saved.rejected[VARIANT_SEED_KEY].raw).toBe(-3);
  expect(JSON.parse(store.exportText()).rejected[VARIANT_SEED_KEY].raw).toBe(-3);
  expect(noticeText(store.read().progress.rejected)).toMatch(/1 saved entry could not be read/);
  expect(entryName(VARIANT_SEED_KEY)).toMatch(/seed that picks your numbers/);
  expect(entryName('@challenge:xor-linear')).toBe('the Playground challenge "xor-linear"');
  expect(entryName('@challenge:*')).toBe('the record of the Playground challenges you met');
});
