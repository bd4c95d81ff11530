import { readFileSync } from 'node:fs';
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonIdFromFile, checkPrerequisites } from './course/lesson-files.ts';
import { placeExercises } from './course/exercise-placement.ts';

/** The frontmatter every lesson must have; a bad field fails the build with the file and the field. */
const lessonSchema = z
  .object({
    /** The chapter title, shown as the page's heading and in the course list. */
    title: z.string().min(3, 'title must be at least 3 characters'),
    /** One or two sentences for the course list and search results: at most 160 characters. */
    description: z.string().min(10).max(160, 'description must be at most 160 characters (it is shown in search results)'),
    /** What a student can do after the lesson: one to five outcomes. */
    objectives: z.array(z.string().min(3)).min(1, 'give at least one objective').max(5, 'give at most five objectives'),
    /** Ids of lessons to read first (the file name without its number and extension, e.g. "perceptron"). */
    prerequisites: z.array(z.string()).default([]),
    /** A draft is built in development but left out of the production site. */
    draft: z.boolean().default(false),
  })
  .strict();

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
