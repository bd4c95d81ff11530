import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository is self-contained: a fresh clone anywhere runs its tests and reads its documents without any
// folder beside it. These tests find what would break that: a document link to a missing file, a mention of a
// document that is not here, and a relative path that climbs out of the clone (as the conformance cases once did).

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The documents a newcomer reads first; their links and the documents they name must resolve in the clone. */
const DOCUMENTS = ['README.md', 'DESIGN.md', 'engine/README.md', 'conformance/README.md'];

/** The areas whose files must not refer outside the clone (as the issue lists them), plus the design notes. */
const AREAS = ['tests/', 'scripts/', 'engine/', 'exercises/', 'site/', 'lessons/', 'conformance/', 'package.json', 'README.md', 'DESIGN.md'];

/** Folders that hold installed or generated files, never the project's own. */
const GENERATED = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', '.test-results']);

/** Every file of the project as a repository-relative path: git's tracked files, or a walk when this is no checkout. */
function projectFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter((f) => f !== '');
  } catch {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        if (GENERATED.has(entry.name)) continue;
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk('');
    return files;
  }
}

/** True when a path (absolute) is the repository root or inside it. */
function insideRepository(path: string): boolean {
  const rel = relative(ROOT, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** The relative link targets of a Markdown text (inline links and images), without their #fragment. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#')).map((t) => t.split('#')[0].split('?')[0]);
}

/** The climbing paths in a text that name a `shared` folder: an import of a sibling folder, or a data folder beside the clone. */
function climbingSharedPaths(text: string): string[] {
  return [...text.matchAll(/((?:\.\.\/)+shared(?:\/[\w.\-/]*)?)/g)].map((m) => m[1]);
}

/** The relative paths in a text that climb at least one folder, as an import of the engine from a widget does. */
function climbingPaths(text: string): string[] {
  return [...text.matchAll(/(?<![\w./])((?:\.\.\/)+[\w.-]+(?:\/[\w.-]+)*)/g)].map((m) => m[1]);
}

/** The tracked files of the areas the issue names, with their text (binary and very large files left out). */
function areaTexts(): { file: string; text: string }[] {
  const texts: { file: string; text: string }[] = [];
  for (const file of projectFiles().filter((f) => AREAS.some((a) => (a.endsWith('/') ? f.startsWith(a) : f === a)))) {
    const path = join(ROOT, file);
    if (!existsSync(path) || statSync(path).size > 2_000_000) continue;
    const text = readFileSync(path, 'utf8');
    if (!text.includes('\0')) texts.push({ file, text });
  }
  return texts;
}

describe('the repository is self-contained', () => {
  test('the documents are in the repository: README, DESIGN, the engine and conformance READMEs', () => {
    const missing = DOCUMENTS.filter((d) => !existsSync(join(ROOT, d)));
    expect(missing, `missing documents: ${missing.join(', ')}`).toEqual([]);
  });

  test('every relative link in the documents resolves to a file in the repository', () => {
    const broken: string[] = [];
    for (const document of DOCUMENTS) {
      const links = relativeLinks(readFileSync(join(ROOT, document), 'utf8'));
      for (const link of links) {
        const target = resolve(ROOT, dirname(document), decodeURIComponent(link));
        if (!insideRepository(target) || !existsSync(target)) broken.push(`${document}: (${link})`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('the README links to DESIGN.md and to the conformance cases', () => {
    const links = relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(links).toContain('DESIGN.md');
    expect(links).toContain('conformance/README.md');
  });

  test('every Markdown document a document names exists, beside it or from the repository root', () => {
    const missing: string[] = [];
    for (const document of DOCUMENTS) {
      const text = readFileSync(join(ROOT, document), 'utf8');
      for (const [name] of text.matchAll(/[\w./-]*[\w-]\.md\b/g)) {
        if (name.startsWith('http') || name.includes('//')) continue;
        const besides = resolve(ROOT, dirname(document), name);
        const fromRoot = resolve(ROOT, name);
        const found = [besides, fromRoot].some((p) => insideRepository(p) && existsSync(p) && statSync(p).isFile());
        if (!found) missing.push(`${document} names ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('no file in tests, scripts, engine, exercises, site, lessons, package.json or the READMEs refers to a shared folder outside the clone', () => {
    const outside: string[] = [];
    const texts = areaTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const { file, text } of texts) {
      const path = join(ROOT, file);
      for (const reference of climbingSharedPaths(text)) {
        // An import of site/lesson/shared is fine: it resolves inside the clone to a file that exists. A path that
        // climbs out of the clone, or names nothing here, is a dependency on a folder beside the repository.
        const target = resolve(dirname(path), reference);
        if (!insideRepository(target) || !existsSync(target)) outside.push(`${file}: ${reference}`);
      }
    }
    expect(outside).toEqual([]);
  });

  test('no relative path in the code climbs out of the clone', () => {
    // Markdown is left out: its code samples are written from another folder (the README's lesson example imports
    // ../site/... as a lesson would), and its links are checked above.
    const outside: string[] = [];
    for (const { file, text } of areaTexts().filter((t) => !t.file.endsWith('.md'))) {
      for (const reference of climbingPaths(text)) {
        if (!insideRepository(resolve(ROOT, dirname(file), reference))) outside.push(`${file}: ${reference}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

describe('the tests mirror the source tree', () => {
  test('every unit test sits in the folder of tests/ that mirrors the folder of the code it tests', () => {
    // tests/site/lesson/playground/state.test.ts tests site/lesson/playground/; tests/e2e and tests/fixtures are the
    // two folders with no source twin, and the repository's own checks sit at the top.
    const stray = projectFiles()
      .filter((file) => file.startsWith('tests/') && file.endsWith('.test.ts'))
      .filter((file) => !file.startsWith('tests/e2e/') && !file.startsWith('tests/fixtures/'))
      .map((file) => dirname(file).slice('tests'.length + 1))
      .filter((folder) => folder !== '' && !(existsSync(join(ROOT, folder)) && statSync(join(ROOT, folder)).isDirectory()));
    expect([...new Set(stray)]).toEqual([]);
  });
});
