// Writes /sitemap.xml and /robots.txt into the built site, so search engines find every page: the sitemap lists each
// built page by its absolute address, made from `site` in astro.config.mjs (the address the course is served from;
// set it to yours when you host a copy), and robots.txt allows everything and points at the sitemap.
//
// `astro build` runs it through sitemapIntegration() (see astro.config.mjs) once every page is written. Astro's own
// answer is the @astrojs/sitemap integration; this does the same in a few lines with the page list the e2e tests
// and the search index already use (builtPages), and without a dependency. The 404 page is left out.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtPages } from './static-server.ts';

/** The sitemap's and robots.txt's addresses on the site. */
export const SITEMAP_PATH = '/sitemap.xml';
export const ROBOTS_PATH = '/robots.txt';

/** Whether a built page belongs in the sitemap: every page but the 404 page. */
export function isListedPage(path: string): boolean {
  return !/(^|\/)404(\.html|\/)$/.test(path);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The sitemap of the pages at these paths on `site` (an absolute URL), in path order, one <url> each. */
export function sitemapXml(site: string, paths: readonly string[]): string {
  const urls = [...new Set(paths.filter(isListedPage))].sort().map((path) => `  <url><loc>${escapeXml(new URL(path, site).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt: every page may be crawled, and the sitemap is at its absolute address on `site`. */
export function robotsTxt(site: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(SITEMAP_PATH, site).href}\n`;
}

/** Writes both files into a built site and returns the number of pages listed. */
export function writeSitemap(dir: string, site: string): number {
  const pages = builtPages(dir).filter(isListedPage);
  writeFileSync(join(dir, SITEMAP_PATH), sitemapXml(site, pages));
  writeFileSync(join(dir, ROBOTS_PATH), robotsTxt(site));
  return pages.length;
}

/** An Astro integration that writes sitemap.xml and robots.txt when `astro build` is done; a build without `site` fails, naming it. */
export function sitemapIntegration(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site === undefined ? undefined : new URL(config.site);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (site === undefined) throw new Error('astro.config.mjs sets no `site`: the sitemap, robots.txt and shared-link pictures need the address the course is served from.');
        const count = writeSitemap(fileURLToPath(dir), site.href);
        logger.info(`wrote sitemap.xml (${count} pages) and robots.txt for ${site.href}`);
      },
    },
  };
}
