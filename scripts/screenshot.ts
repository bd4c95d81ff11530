// Takes screenshots of built pages, for looking at what a reader sees:
//   tsx scripts/screenshot.ts URL OUT.png [--dark] [--width N] [--height N] [--scale N] [--selector CSS] [--at CSS] [--full]
// --scale sets the device pixel ratio (2 = the page at 200% zoom); --selector shoots only the first element matching CSS;
// --at scrolls the first element matching CSS to the top of the viewport before the shot.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';

const args = process.argv.slice(2);
const valued = new Set(['--width', '--height', '--scale', '--selector', '--at']);
const [url, out] = args.filter((arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1] ?? ''));
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts URL OUT.png [--dark] [--width N] [--height N] [--scale N] [--selector CSS] [--at CSS] [--full]');
  process.exit(2);
}
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({
  viewport: { width: option('width', 1280), height: option('height', 900) },
  colorScheme: args.includes('--dark') ? 'dark' : 'light',
  deviceScaleFactor: option('scale', 1),
});
page.on('console', (message) => console.log(`[console.${message.type()}] ${message.text()}`));
await page.goto(url, { waitUntil: 'networkidle' });
if (args.includes('--at')) {
  await page.locator(args[args.indexOf('--at') + 1]).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
}
const selector = args.includes('--selector') ? args[args.indexOf('--selector') + 1] : undefined;
if (selector) {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path: out });
} else await page.screenshot({ path: out, fullPage: args.includes('--full') });
await browser.close();
console.log(`saved ${out}`);
