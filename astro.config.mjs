// The course site: Astro + MDX, math typeset by KaTeX when the site is built.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeStrictMath } from './site/markdown/rehype-strict-math.ts';
import { rehypeInternalLinks } from './site/markdown/rehype-internal-links.ts';
import { remarkExerciseIds } from './site/markdown/remark-exercise-ids.ts';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  site: 'https://neural-notebook.example',
  trailingSlash: 'always',
  markdown: {
    remarkPlugins: [remarkMath, remarkExerciseIds],
    // rehype-katex only reports a bad formula as a message and renders it in red;
    // rehypeStrictMath turns those messages into build errors with the file and line; a link to a page
    // that does not exist fails the build too.
    rehypePlugins: [
      [rehypeKatex, { throwOnError: false, strict: 'error' }],
      rehypeStrictMath,
      [rehypeInternalLinks, { publicDir: fileURLToPath(new URL('./site/public', import.meta.url)) }],
    ],
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: { worker: { format: 'es' } },
});
