// Plot colours from the site's CSS custom properties, so a widget follows light and dark mode.
//
// Observable Plot accepts `var(--accent)` as a colour, so marks can name the site's colours
// directly (`themeVar('accent')`); a canvas, which needs real colours, reads them with shared/colors.ts.
// `onThemeChange` calls back when the reader toggles the theme or the system switches, so the widget re-renders; a
// chart whose every colour is a `themeVar` (or currentColor) follows the theme with no redraw and needs none.

/** The site's colour custom properties, by the name after `--`. */
export type ThemeColorName = 'bg' | 'bg-raised' | 'bg-sunken' | 'text' | 'text-muted' | 'border' | 'accent' | 'accent-soft' | 'good' | 'bad' | 'focus';

/** A reference to one of the site's colours, `var(--name)`, for SVG marks that follow the theme by themselves. */
export function themeVar(name: ThemeColorName): string {
  return `var(--${name})`;
}

/** Plot's `style` option for a widget: transparent background, the site's text colour and UI font. */
export const plotStyle = {
  background: 'transparent',
  color: 'var(--text)',
  fontFamily: 'var(--font-ui)',
  fontSize: '12px',
  overflow: 'visible',
} as const;

/** Calls `onChange` after the site's theme changes (the toggle, or the system setting); returns a function that stops. */
export function onThemeChange(onChange: () => void): () => void {
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const observer = new MutationObserver(() => onChange());
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  system.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    system.removeEventListener('change', onChange);
  };
}
