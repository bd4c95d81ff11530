// The picture a shared link shows (site/course/og-image.ts), as a PNG made when the site is built: one per chapter
// at /og/<lesson id>.png, and the course's own at /og/course.png for every other page.
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { courseTitle, getCourse } from '../../course/course.ts';
import { CHAPTER_FIGURES, DEFAULT_FIGURE, ogImageSvg, type OgCard } from '../../course/og-image.ts';

export const getStaticPaths = (async () => {
  const course = await getCourse();
  const chapters = course.map(({ lesson, number }) => ({
    params: { slug: lesson.id },
    props: { site: courseTitle, eyebrow: `Chapter ${number}`, title: lesson.data.title, description: lesson.data.description, figure: CHAPTER_FIGURES[lesson.id] ?? DEFAULT_FIGURE } satisfies OgCard,
  }));
  // "course" is no lesson id a chapter could clash with: ids come from NN-slug files, and the course picture has its own.
  return [...chapters, { params: { slug: 'course' }, props: { site: courseTitle, eyebrow: 'A course on neural networks', title: courseTitle, description: 'Perceptrons, backpropagation and optimizers, learned by running them in your browser.', figure: DEFAULT_FIGURE } satisfies OgCard }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharp(Buffer.from(ogImageSvg(props as OgCard))).png({ compressionLevel: 9, palette: true }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
