// Installing a Debian package for the tests (Chromium, PyTorch) is tried only as root with apt-get; otherwise nothing
// runs and the caller says how to get the tool.

import { afterEach, describe, expect, test, vi } from 'vitest';
import { canInstallDebianPackages, installDebianPackage } from '../../scripts/debian-package.ts';

afterEach(() => vi.restoreAllMocks());

describe('installing a Debian package', () => {
  test('is not tried by a user who is not root: nothing is logged or run, and the caller hears false', () => {
    vi.spyOn(process as { getuid: () => number }, 'getuid').mockReturnValue(1000);
    const log = vi.fn();
    expect(canInstallDebianPackages()).toBe(false);
    expect(installDebianPackage('chromium', 'No Chromium found', log, true)).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });
});
