// The frontmatter of a lesson, as a zod schema. The content collection (site/content.config.ts) checks every
// lesson with it, and the authoring guide (/authoring/) renders its table from it, so the two cannot disagree.
// Each field's description is given with `.describe(…)`, which is where the guide reads it.

import { z } from 'astro/zod';

/** The frontmatter every lesson must have; a bad field fails the build with the file and the field. */
export const lessonSchema = z
  .object({
    title: z.string().min(3, 'title must be at least 3 characters').describe("The chapter title, shown as the page's heading and in the course list."),
    description: z
      .string()
      .min(10)
      .max(160, 'description must be at most 160 characters (it is shown in search results)')
      .describe('One or two sentences for the course list and search results: at most 160 characters.'),
    objectives: z
      .array(z.string().min(3))
      .min(1, 'give at least one objective')
      .max(5, 'give at most five objectives')
      .describe('What a student can do after the lesson: one to five outcomes.'),
    prerequisites: z
      .array(z.string())
      .default([])
      .describe('Ids of lessons to read first (the file name without its number and extension, e.g. "perceptron").'),
    draft: z.boolean().default(false).describe('A draft is built in development but left out of the production site.'),
  })
  .strict();

/** A lesson's frontmatter once checked, with its defaults filled in. */
export type LessonFrontmatter = z.output<typeof lessonSchema>;
