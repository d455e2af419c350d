/**
 * Nearest flip in words: "kept if migDelay ≤ 1058 ms (−942 ms)".
 */
import { PARAM_BY_KEY, type VerdictValue } from '../../model';
import type { Flip, FlipReport } from '../../sweep/flips';

const VERDICT_WORD: Readonly<Record<VerdictValue, string>> = { lost: 'lost', kept: 'kept', incomplete: 'not reached' };

/** A signed number with a real minus sign, as the verdict line shows deltas. */
export function signed(n: number): string {
  return n < 0 ? `−${Math.abs(n)}` : `+${n}`;
}

/**
 * @example flipSentence({ key: 'migDelay', value: 1058, delta: -942, to: 'kept' }) // 'kept if migDelay ≤ 1058 ms (−942 ms)'
 */
export function flipSentence(flip: Flip): string {
  const unit = PARAM_BY_KEY[flip.key].unit;
  const u = unit ? ` ${unit}` : '';
  return `${VERDICT_WORD[flip.to]} if ${flip.key} ${flip.delta < 0 ? '≤' : '≥'} ${flip.value}${u} (${signed(flip.delta)}${u})`;
}

/** Every key's answer, for the tooltip. */
export function flipDetails(report: FlipReport): string {
  const lines = report.flips.map(flipSentence);
  if (report.unflippable.length > 0) lines.push(`no value in range flips it: ${report.unflippable.join(', ')}`);
  return lines.join('\n');
}
