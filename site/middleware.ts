// The site's middleware: when the site is built (and on the dev server), each page written as an .astro file gets
// the links beside its section headings that the lessons get from their markdown (site/markdown/rehype-heading-anchors.ts).
import { defineMiddleware } from 'astro:middleware';
import { anchorPageHeadings } from './markdown/rehype-heading-anchors.ts';

/** Adds the heading links to an HTML page that has section headings without them; any other response passes as it is. */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  // A lesson's headings got their links from its markdown.
  if (context.url.pathname.startsWith('/lessons/') || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  return new Response(anchorPageHeadings(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
