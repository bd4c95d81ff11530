// The sitemap and robots.txt every build writes: every page by its absolute address on the configured site, the 404
// page left out, and robots.txt pointing at the sitemap.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isListedPage, robotsTxt, sitemapXml, writeSitemap } from '../../scripts/sitemap.ts';

describe('the sitemap', () => {
  test('lists each page once, by its absolute address on the site, in path order', () => {
    const xml = sitemapXml('https://course.example/', ['/lessons/mlp/', '/', '/practice/', '/lessons/mlp/']);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc]) => loc)).toEqual([
      'https://course.example/',
      'https://course.example/lessons/mlp/',
      'https://course.example/practice/',
    ]);
  });

  test('a site served under a folder keeps the folder, and an address is escaped for XML', () => {
    const xml = sitemapXml('https://uni.example/courses/nn/', ['lessons/mlp/', 'notes/a&b/']);
    expect(xml).toContain('<loc>https://uni.example/courses/nn/lessons/mlp/</loc>');
    expect(xml).toContain('<loc>https://uni.example/courses/nn/notes/a&amp;b/</loc>');
  });

  test('leaves out the 404 page only', () => {
    expect(isListedPage('/404.html')).toBe(false);
    expect(isListedPage('/404/')).toBe(false);
    expect(isListedPage('/lessons/perceptron/')).toBe(true);
    expect(isListedPage('/lessons/error-404-codes/')).toBe(true);
  });

  test('robots.txt allows every page and names the sitemap by its absolute address', () => {
    expect(robotsTxt('https://course.example/')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://course.example/sitemap.xml\n');
  });

  test('is written with robots.txt into a built site, from its pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
    try {
      for (const page of ['index.html', '404.html', 'lessons/mlp/index.html', 'practice/index.html']) {
        mkdirSync(join(dir, page, '..'), { recursive: true });
        writeFileSync(join(dir, page), '<h1>page</h1>');
      }
      expect(writeSitemap(dir, 'https://course.example/')).toBe(3);
      const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
      expect([...xml.matchAll(/<loc>/g)]).toHaveLength(3);
      expect(xml).not.toContain('404');
      expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://course.example/sitemap.xml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
