import { readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonIdFromFile, checkPrerequisites } from './course/lesson-files.ts';
import { placeExercises } from './course/exercise-placement.ts';
import { lessonSchema } from './course/lesson-schema.ts';

/** The course's chapters, from `lessons/NN-slug.mdx`; the number orders them and is dropped from the id and URL. */
const lessons = defineCollection({
  loader: (() => {
    const files = glob({ pattern: '[0-9]*-*.mdx', base: './lessons', generateId: ({ entry }) => lessonIdFromFile(entry) });
    return {
      name: 'lessons-loader',
      load: async (context: Parameters<typeof files.load>[0]) => {
        await files.load(context);
        const entries = [...context.store.values()].map((entry) => ({
          id: entry.id,
          file: entry.filePath ?? entry.id,
          prerequisites: (entry.data.prerequisites as string[] | undefined) ?? [],
          source: entry.filePath === undefined ? undefined : readFileSync(new URL(entry.filePath, context.config.root), 'utf8'),
        }));
        // Prerequisites name other lessons; an unknown one fails the build here, with the file and line that name it.
        checkPrerequisites(entries);
        // An exercise's chapter is the lesson that places it; one placed in two lessons fails here, naming both.
        placeExercises(entries.map((entry) => ({ id: entry.id, file: entry.file, source: entry.source ?? '' })));
      },
    };
  })(),
  schema: lessonSchema,
});

export const collections = { lessons };
