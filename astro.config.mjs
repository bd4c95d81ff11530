// The course site: Astro + MDX, math typeset by KaTeX when the site is built.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { rehypeStrictMath } from './site/markdown/rehype-strict-math.ts';
import { rehypeHeadingAnchors } from './site/markdown/rehype-heading-anchors.ts';
import { remarkExerciseIds } from './site/markdown/remark-exercise-ids.ts';
import { rehypeBlockSizes } from './site/markdown/rehype-block-sizes.ts';
import { mnistSubsetIntegration } from './scripts/mnist-subset.ts';
import { serviceWorkerIntegration } from './scripts/service-worker.ts';
import { bundleReportIntegration } from './scripts/bundle-report.ts';
import { sitemapIntegration } from './scripts/sitemap.ts';
import { searchIndexIntegration } from './scripts/search-index.ts';
import { exercisePartsIntegration } from './scripts/exercise-parts.ts';
import { courseIntegration } from './site/course/course-integration.ts';
import { workerChunksIntegration } from './scripts/worker-chunks.ts';
import { minifyChunksIntegration } from './scripts/minify-chunks.ts';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  // The address the course is served from: the sitemap, robots.txt and the pages' canonical and shared-link (Open
  // Graph) addresses are made from it. Set SITE_URL, or change it here, when you host a copy.
  site: process.env.SITE_URL || 'https://neural-notebook.example',
  trailingSlash: 'always',
  markdown: {
    remarkPlugins: [remarkMath, remarkExerciseIds],
    // rehype-katex only reports a bad formula as a message and renders it in red;
    // rehypeStrictMath turns those messages into build errors with the file and line. The check that fails the
    // build on a link to a page that does not exist is added by courseIntegration(), which knows the chapters
    // a course configuration (course.config.json, or the file COURSE_CONFIG names) chooses.
    // rehypeHeadingAnchors gives every h2 and h3 a link to itself; it reads the ids rehypeHeadingIds gives them (which
    // Astro would otherwise run after the plugins listed here). rehypeBlockSizes gives each paragraph and list the size
    // of its text, for the height it keeps while skipped off-screen (content-visibility, site/styles/global.css).
    rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeStrictMath, rehypeHeadingIds, rehypeHeadingAnchors, rehypeBlockSizes],
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
  // The course configuration is read first: a bad one fails the build before anything else is done.
  // The MNIST subset the lessons load lazily is made from the `mnist` package before dev or build serves the site;
  // when a build is done, each exercise's solution, explanation, answer key, hints and feedback are moved out of the
  // pages into /exercise-parts/ (fetched when the exercises start), then the search index (/pagefind/) is written,
  // then the service worker (sw.js, so the course works offline once loaded), whose precache list then holds both;
  // sitemap.xml and robots.txt are written before it (sw.js leaves them out, with the shared-link pictures under /og/),
  // and so is bundle-report.json, which npm packages (and modules of the project's own) each JavaScript file holds,
  // workers' included (the page-JavaScript test reads it; sw.js leaves it out). workerChunksIntegration() builds each
  // web worker as a chunk of the pages' own build, so the workers share the engine's code with each other and with the
  // page (scripts/worker-chunks.ts).
  integrations: [courseIntegration(), mdx(), workerChunksIntegration(), minifyChunksIntegration(), mnistSubsetIntegration(), exercisePartsIntegration(), searchIndexIntegration(), sitemapIntegration(), bundleReportIntegration(), serviceWorkerIntegration()],
  devToolbar: { enabled: false },
  vite: {
    // A worker that scripts/worker-chunks.ts does not make a chunk of the pages' build is bundled as an ES module.
    worker: { format: 'es' },
    // exercises/submission/erase-types.ts imports sucrase's parser from its CommonJS build, which Node (the grading
    // CLI, the tests, this config) loads as it is; the site's bundles take the same modules from its ES build, whose
    // imports name no file extension, so Node cannot load them: Vite bundles them for the pages' build too.
    resolve: { alias: [{ find: /^sucrase\/dist\/parser\//, replacement: 'sucrase/dist/esm/parser/' }] },
    ssr: { noExternal: ['sucrase'] },
    // Builds of throwaway copies (the build-error tests) get their own dependency cache, so they never
    // invalidate the one a concurrent build of the real site is using.
    cacheDir: process.env.COURSE_VITE_CACHE_DIR || undefined,
  },
});
