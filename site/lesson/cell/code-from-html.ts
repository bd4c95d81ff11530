// Recovering a cell's source from the highlighted HTML that MDX makes of a fenced code block, so
// authors can write a cell's code as an ordinary code block inside <Cell>.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The plain text of the first `<pre>` block in an HTML fragment, or undefined when it has none. */
export function codeFromHtml(html: string): string | undefined {
  const pre = /<pre\b[^>]*>([\s\S]*?)<\/pre>/i.exec(html);
  if (!pre) return undefined;
  const text = pre[1]
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
  return text.replace(/\n$/, '');
}
