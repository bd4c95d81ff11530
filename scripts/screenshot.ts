// Takes screenshots of built pages, for looking at what a reader sees: tsx scripts/screenshot.ts URL OUT.png [--dark] [--width N] [--full]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';

const args = process.argv.slice(2);
const [url, out] = args.filter((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts URL OUT.png [--dark] [--width N] [--height N] [--full]');
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
});
page.on('console', (message) => console.log(`[console.${message.type()}] ${message.text()}`));
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: args.includes('--full') });
await browser.close();
console.log(`saved ${out}`);
