/**
 * `extends: icbsim:national/planning-2025-26.yaml`: a base file inside the installed icbsim package
 * (its `scenarios/` folder), so a plan written by `icbsim init` keeps working when it is moved, shared
 * with a colleague whose icbsim is installed elsewhere, or the package is upgraded in place.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_PREFIX = 'icbsim:';

/**
 * The package's scenarios folder, ending in a separator: src/io/, dist/io/ and the bundle's
 * dist/bundle/ all sit two folders below the package root. Worked out from the module's folder,
 * with no URL to parse at every start (the bundle's is its __dirname); Node before 20.11 has no
 * import.meta.dirname, only import.meta.url.
 */
export const PACKAGE_SCENARIOS = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios') + sep;

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
