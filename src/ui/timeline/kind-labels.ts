/**
 * Words for the marks on the timeline: what each kind of step is called in
 * a label, and how much it matters when labels compete for room. One wording
 * each, at every width: a label that does not fit is left out (the tooltip
 * has it), never shortened into other words.
 */
import type { StepKind, StepRow } from '../../model';

export interface KindText {
  readonly text: string;
  /** Higher wins a contested spot. */
  readonly priority: number;
}

const KIND_TEXT: Readonly<Record<StepKind, KindText>> = {
  'instance-list': { text: 'snapshot 1', priority: 8 },
  'migration-list': { text: 'snapshot 2', priority: 8 },
  'host-saved': { text: 'host saved', priority: 7 },
  'migration-done': { text: "'done'", priority: 7 },
  'pci-freed': { text: 'PCI freed', priority: 6 },
  'clean-usage': { text: 'clean_usage', priority: 5 },
  claim: { text: 'claim', priority: 5 },
  'context-dropped': { text: 'context dropped', priority: 3 },
  'migration-status': { text: 'status saved', priority: 7 },
  'claim-dropped': { text: 'claim dropped', priority: 7 },
  'usage-saved': { text: 'usage saved', priority: 4 },
};

/** Label words for a step with a kind, naming the host where that helps. */
export function kindText(step: StepRow): KindText | null {
  if (!step.kind) return null;
  const base = KIND_TEXT[step.kind];
  if (step.kind === 'host-saved' && step.host) return { ...base, text: `host=${step.host}` };
  // The status a usage race's migration moved to ('confirmed', 'reverted') is what the race turns on.
  const status = step.kind === 'migration-status' ? /'([a-z-]+)'/.exec(step.name)?.[1] : undefined;
  if (status) return { ...base, text: `'${status}'` };
  return base;
}

/** What a snapshot read is, for tooltips and the strip. */
export const SNAPSHOT_NAME: Readonly<Record<1 | 2, string>> = {
  1: 'snapshot 1 (instance list)',
  2: 'snapshot 2 (in-progress migrations)',
};
