// The frame every build-time SVG figure of the lessons shares (line-chart.ts, diagram.ts): a responsive <svg> that
// is one labelled image (role="img", named by its <title> and described by its <desc>), whose drawing is hidden from
// assistive technology, since the title and description say what it shows. Its width and height attributes give its
// aspect ratio to the page's stylesheet, which skips a figure off-screen at its size (site/styles/global.css); the
// style attribute's width and height are what it is drawn at.

/** Escapes text for SVG. */
export function escapeSvgText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What the frame of a figure needs. */
export interface SvgFrame {
  /** The svg's class, for the page's styles and the tests. */
  className: string;
  /** Prefix of the title's and description's element ids: unique on the page. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** Let marks spill past the view box (a chart's end labels). */
  overflowVisible?: boolean;
}

/** The opening of a figure: `<svg>`, its title and description, and the hidden group the drawing goes in. */
export function svgFrameOpen(frame: SvgFrame): string {
  const overflow = frame.overflowVisible === true ? '; overflow: visible' : '';
  return [
    `<svg class="${frame.className}" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" role="img" aria-labelledby="${frame.id}-title ${frame.id}-desc" xmlns="http://www.w3.org/2000/svg" style="width: 100%; max-width: ${frame.width}px; height: auto; font-family: var(--font-ui); font-size: 13px${overflow}">`,
    `<title id="${frame.id}-title">${escapeSvgText(frame.title)}</title>`,
    `<desc id="${frame.id}-desc">${escapeSvgText(frame.description)}</desc>`,
    '<g aria-hidden="true">',
  ].join('');
}

/** The end of a figure opened with `svgFrameOpen`. */
export const SVG_FRAME_CLOSE = '</g></svg>';
