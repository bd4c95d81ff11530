// Installs one of Debian's packages with apt when the test command runs as root on a Debian-like system, for the
// tools the tests need beyond npm: Chromium for the browser tests (scripts/chromium.ts), PyTorch for the export's
// proof (scripts/python-torch.ts).
import { execFileSync, spawnSync } from 'node:child_process';

/** Whether apt can install here: running as root with apt-get on the path. */
export function canInstallDebianPackages(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs Debian's `name` with apt-get (after an update), saying so with `why` first; returns false without trying
 * when apt cannot install here. `noRecommends` leaves out the recommended packages.
 */
export function installDebianPackage(name: string, why: string, log: (line: string) => void, noRecommends = false): boolean {
  if (!canInstallDebianPackages()) return false;
  log(`${why}: installing Debian's ${name} package (apt-get install ${name})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...(noRecommends ? ['--no-install-recommends'] : []), name], { stdio: 'inherit', env });
  return true;
}
