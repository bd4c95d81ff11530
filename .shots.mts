import { chromium } from '@playwright/test';
const [url, prefix, width = '1280', dark = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: dark ? 'dark' : 'light' });
await page.goto(url);
await page.waitForTimeout(1500);
const tags = ['regularization-lab', 'gradient-flow', 'mnist-lab', 'position-to-colour', 'figure'];
let n = 0;
for (const tag of tags) {
  const all = await page.locator(tag).all();
  for (const [i, el] of all.entries()) {
    if (i > 2 && tag === 'figure') break;
    await el.scrollIntoViewIfNeeded();
    await page.waitForTimeout(tag === 'figure' ? 100 : 2500);
    await el.screenshot({ path: `${prefix}-${tag}-${i}.png` });
    n++;
  }
}
console.log('shots', n);
await browser.close();
