/**
 * Words for the marks on the timeline: what each kind of step is called in
 * a label (long, then short when space is tight) and how much it matters
 * when labels compete for room.
 */
import type { StepKind, StepRow } from '../../model';

export interface KindText {
  readonly full: string;
  readonly short: string;
  /** Higher wins a contested spot. */
  readonly priority: number;
}

const KIND_TEXT: Readonly<Record<StepKind, KindText>> = {
  'instance-list': { full: 'snapshot 1', short: 'S1', priority: 8 },
  'migration-list': { full: 'snapshot 2', short: 'S2', priority: 8 },
  'host-saved': { full: 'host saved', short: 'host', priority: 7 },
  'migration-done': { full: "'done'", short: 'done', priority: 7 },
  'pci-freed': { full: 'PCI freed', short: 'freed', priority: 6 },
  'clean-usage': { full: 'clean_usage', short: 'clean', priority: 5 },
  claim: { full: 'claim', short: 'claim', priority: 5 },
  'context-dropped': { full: 'context dropped', short: 'ctx', priority: 3 },
};

/** Label words for a step with a kind, naming the host where that helps. */
export function kindText(step: StepRow): KindText | null {
  if (!step.kind) return null;
  const base = KIND_TEXT[step.kind];
  if (step.kind === 'host-saved' && step.host) return { ...base, full: `host=${step.host}` };
  return base;
}

/** What a snapshot read is, for tooltips and the strip. */
export const SNAPSHOT_NAME: Readonly<Record<1 | 2, string>> = {
  1: 'snapshot 1 (instance list)',
  2: 'snapshot 2 (in-progress migrations)',
};
