import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.ts';
const base = 'http://127.0.0.1:4411/lessons/mlp/';
const shots: [string, string][] = [
  ['spiral', '?playground=data:spiral,classes:3,noise:0.05,layers:16-16,speed:max'],
  ['custom', '?playground=data:custom,speed:max'],
];
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
for (const width of [1280, 360]) for (const dark of [false, true]) for (const [name, query] of shots) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
  await page.goto(base + query);
  const widget = page.locator('nn-playground');
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('[data-frames]').or(widget).first().waitFor();
  await page.waitForFunction(() => document.querySelector('nn-playground')?.getAttribute('data-frames') !== null, null, { timeout: 30000 });
  if (name === 'custom') {
    const rows: string[] = [];
    for (let i = 0; i < 150; i++) {
      const k = i % 4; const a = (i * 2.399) % 6.283; const r = 0.3 + ((i * 0.618) % 1) * 0.7;
      rows.push(`${(k % 2 ? 1.3 : -1.3) + r * Math.cos(a)},${(k < 2 ? 1.3 : -1.3) + r * Math.sin(a)},${k}`);
    }
    await widget.getByLabel(/Points as CSV/).fill(rows.join('\n'));
    await widget.getByRole('button', { name: 'Load CSV' }).click();
    await page.waitForTimeout(300);
    await widget.getByLabel(/Points as CSV/).fill('x,y,label\n1,2,0\nabc,1,1\n3,4\n1,1,7\n');
    await widget.getByRole('button', { name: 'Load CSV' }).click();
  }
  await widget.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(4000);
  await widget.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(300);
  const out = `/tmp/h1-${name}-${width}${dark ? '-dark' : ''}.png`;
  await widget.screenshot({ path: out });
  console.log(out, await widget.locator('.pg-accuracy').textContent(), await widget.getAttribute('data-epoch'));
  await page.close();
}
await browser.close();
