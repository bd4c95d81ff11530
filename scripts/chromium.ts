// Finds the Chromium the browser tests drive, installing Debian's package when it can.
import { existsSync } from 'node:fs';
import { installDebianPackage } from './debian-package.ts';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The flags Chromium needs here: headless as root, and no background connections to a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The path of an existing Chromium: `$CHROMIUM_PATH` if set, else Debian's `/usr/bin/chromium`, else undefined. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** Returns a Chromium path, installing Debian's `chromium` package with apt when running as root; otherwise throws how to get one. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (installDebianPackage('chromium', 'No Chromium found', log, true)) {
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'The end-to-end tests need Chromium, and none was found.',
      '  - On Debian or Ubuntu: sudo apt-get install chromium',
      '  - Or point CHROMIUM_PATH at any Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
}
