/**
 * MODEL.md's rules for providers that tie them to the rest of the scenario: contracts on lines that
 * exist and are not the ICB's own running costs, shares of a line that leave room for nobody below
 * zero and for nobody above 100%, names that cannot be mistaken for the ICB or the system.
 */
import { Dec } from './decimal.js';
import type { Problem } from './issues.js';
import type { ScenarioSpec } from './schema.js';
import { didYouMeanSuffix } from './suggest.js';
import { yearLabels } from './years.js';

/**
 * Names the reports already use for the organisations that are not providers, or for all of them:
 * a provider so named would read as the ICB, the system or a total in every table and annotation.
 */
const RESERVED: Record<string, string> = {
  icb: 'the ICB itself',
  system: 'the ICB and its providers together',
  total: 'all the providers together',
  providers: 'all the providers together',
  unheld: 'the gap no provider of the scenario holds',
};
export const RESERVED_PROVIDER_NAMES = Object.keys(RESERVED);

export function validateProviders(s: ScenarioSpec): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: PropertyKey[], message: string, at: 'key' | 'value' = 'value') => problems.push({ path, message, at });
  const lineNames = Object.keys(s.lines);
  const labels = yearLabels(s.base_year, s.years);
  const period = `${labels[0]} to ${labels.at(-1)}`;
  /** Who holds a share of each line, in the order written. */
  const held = new Map<string, { provider: string; share: Dec }[]>();

  for (const [name, p] of Object.entries(s.providers ?? {})) {
    const at = (...rest: PropertyKey[]) => ['providers', name, ...rest];
    const reserved = Object.hasOwn(RESERVED, name) ? RESERVED[name] : undefined;
    if (reserved !== undefined) {
      fail(at(), `\`${name}\` cannot name a provider: reports use it for ${reserved}; choose another name (reserved: ${RESERVED_PROVIDER_NAMES.join(', ')})`, 'key');
    }
    for (const [line, share] of Object.entries(p.contracts)) {
      if (!lineNames.includes(line)) {
        fail(at('contracts', line), `no line named \`${line}\`${didYouMeanSuffix(line, lineNames)} (lines: ${lineNames.join(', ')})`, 'key');
        continue;
      }
      if (s.lines[line]!.category === 'running') {
        fail(at('contracts', line), `line \`${line}\` is the ICB's own running costs (category running): no provider holds a contract on it`, 'key');
        continue;
      }
      if (share.lt(0) || share.gt(1)) {
        fail(at('contracts', line), `a provider's share of a line must be between 0% and 100%, got ${share.times(100).toFixed()}%`);
        continue;
      }
      held.set(line, [...(held.get(line) ?? []), { provider: name, share }]);
    }
    for (const year of Object.keys(p.non_recurrent_savings ?? {})) {
      if (!labels.includes(year)) fail(at('non_recurrent_savings', year), `${year} is outside the period ${period}`, 'key');
    }
  }
  // One message per over-held line, at the contract that took it past 100%.
  for (const [line, holders] of held) {
    const total = holders.reduce((sum, h) => sum.plus(h.share), new Dec(0));
    if (total.lte(1)) continue;
    let running = new Dec(0);
    const tipping = holders.find((h) => (running = running.plus(h.share)).gt(1))!;
    const who = holders.map((h) => `${h.provider} ${h.share.times(100).toFixed()}%`).join(', ');
    fail(
      ['providers', tipping.provider, 'contracts', line],
      `the providers' shares of line \`${line}\` add up to ${total.times(100).toFixed()}% (${who}): together they can hold at most 100% of it`,
    );
  }
  return problems;
}
