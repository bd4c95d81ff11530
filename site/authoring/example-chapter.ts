// Where the authoring guide's example chapter is: one file, shown as source on /authoring/ and rendered at
// /authoring/example/. It has no number, so the content collection (lessons/NN-slug.mdx) does not take it.

/** The example chapter's file, from the project's root. */
export const EXAMPLE_CHAPTER_FILE = 'lessons/authoring-example.mdx';

/** The id its page gives it (no chapter has it: a chapter's id is its slug after the number). */
export const EXAMPLE_CHAPTER_ID = 'authoring-example';

/** Where the built site renders it. */
export const EXAMPLE_CHAPTER_URL = '/authoring/example/';
