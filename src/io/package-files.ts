/**
 * `extends: icbsim:national/planning-2025-26.yaml`: a base file inside the installed icbsim package
 * (its `scenarios/` folder), so a plan written by `icbsim init` keeps working when it is moved, shared
 * with a colleague whose icbsim is installed elsewhere, or the package is upgraded in place.
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, resolve } from 'node:path';

export const PACKAGE_PREFIX = 'icbsim:';

/** The package's scenarios folder: src/io/ and dist/io/ both sit two folders below the package root. */
export const PACKAGE_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export type PackageRef = { ok: true; abs: string } | { ok: false; message: string; hint: string };

/** `icbsim:REL` to the file inside the package; undefined for an ordinary path. */
export function packageRef(value: string): PackageRef | undefined {
  if (!value.startsWith(PACKAGE_PREFIX)) return undefined;
  const rel = value.slice(PACKAGE_PREFIX.length).replace(/^\/+/, '');
  const abs = resolve(PACKAGE_SCENARIOS, rel);
  const inside = relative(PACKAGE_SCENARIOS, abs);
  if (rel === '' || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return {
      ok: false,
      message: `\`${value}\` must name a file inside the icbsim package's scenarios folder (${PACKAGE_SCENARIOS})`,
      hint: 'e.g. `extends: icbsim:national/planning-2025-26.yaml`',
    };
  }
  return { ok: true, abs };
}
