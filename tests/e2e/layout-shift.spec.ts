// The pages with the progress panel do not move once painted: its script fills in a new reader's panel without
// changing its size (the exercises page used to shift by 0.189, Lighthouse's CLS, when the script unhid the Join a
// class form and lengthened the total's sentence). Measured as Lighthouse does, on a phone-sized viewport.
import { test, expect } from '@playwright/test';

test.use({ viewport: { width: 412, height: 823 } });

for (const path of ['/', '/practice/']) {
  test(`${path} has no layout shift while its scripts run, for a reader with no saved progress`, async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
          if (!shift.hadRecentInput) shifts.push(shift.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    // The panel's script has run once Export is enabled; the Join a class form is open for a reader with no identity.
    const panel = page.locator('progress-panel');
    await expect(panel.getByRole('button', { name: 'Export progress' })).toBeEnabled();
    await expect(panel.getByRole('button', { name: 'Join', exact: true })).toBeEnabled();
    await expect(panel.getByText(/^0 of \d+ exercises solved\./)).toBeVisible();
    // Two frames for the last shifts to be reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const total = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0));
    expect(total).toBeLessThan(0.01);
  });
}
