// The Astro integration that reads the course configuration (site/course/course-config.ts) before anything is built:
// a bad file fails the build here, with the file and every bad field; the kept prerequisites' warnings are logged;
// the lessons' link check learns which chapters this build makes; and the pages read the selection from the
// virtual module `virtual:course-selection` (null for the whole course).

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadCourseSelection, type CourseSelection } from './course-config.ts';
import { rehypeInternalLinks } from '../markdown/rehype-internal-links.ts';

/** The virtual module the pages import the selection from. */
export const COURSE_SELECTION_MODULE = 'virtual:course-selection';

/** The integration: checks the configuration, adds the internal link check for this build's chapters and serves the selection to the pages. */
export function courseIntegration(): AstroIntegration {
  return {
    name: 'course-configuration',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const selection: CourseSelection | undefined = loadCourseSelection(root, process.env, command === 'dev');
        if (selection) {
          logger.info(`${selection.file}: "${selection.title}", ${selection.chapters.length} chapters (${selection.chapters.join(', ')}), ${selection.exercises.length} exercises`);
          for (const warning of selection.warnings) logger.warn(`${selection.file}: ${warning}`);
        }
        const resolved = `\0${COURSE_SELECTION_MODULE}`;
        updateConfig({
          markdown: {
            // The link check runs last, after KaTeX (astro.config.mjs), on every lesson: a link to a chapter this
            // course leaves out becomes plain text, a link to no page at all fails the build.
            rehypePlugins: [
              [
                rehypeInternalLinks,
                {
                  publicDir: fileURLToPath(new URL('./site/public/', config.root)),
                  pagesDir: fileURLToPath(new URL('./site/pages/', config.root)),
                  lessons: selection?.chapters,
                },
              ],
            ],
          },
          vite: {
            plugins: [
              {
                name: 'course-selection',
                resolveId: (id: string) => (id === COURSE_SELECTION_MODULE ? resolved : undefined),
                load: (id: string) => (id === resolved ? `export default ${JSON.stringify(selection ?? null)};\n` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
