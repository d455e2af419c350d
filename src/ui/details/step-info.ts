/**
 * The selected step in words: its time, its lock, the Nova code it stands
 * for (and at which commit), and the invariants that broke there. Pure, so
 * the wording is tested without React.
 */
import { INVARIANT_TEXT } from '../../model';
import { BUGGY_COMMIT, FIX_COMMIT, NOVA_REFS, type NovaRef, novaUrl } from '../../model';
import type { TraceView, StepRow, Violation } from '../../model';
import { type Clock, formatDuration, formatInterval, formatTime } from '../../view/time-format';

/** "2343–2393 ms (50 ms)", in the screen's one time format. */
export function timeText(step: Pick<StepRow, 'start' | 'end'>, clock: Clock = 'ms'): string {
  if (clock === 'step') return `${formatInterval(step.start, step.end, clock)} (time replaced by step order)`;
  const span = step.start === step.end ? formatTime(step.end) : formatInterval(step.start, step.end);
  return `${span} (${formatDuration(step.end - step.start)})`;
}

export function lockText(step: Pick<StepRow, 'lock' | 'lockName' | 'start' | 'end'>, clock: Clock = 'ms'): string {
  const name = step.lockName ?? 'a lock';
  switch (step.lock) {
    case 'held':
      return `holds ${name}`;
    case 'waited':
      return `waited ${formatDuration(step.end - step.start, clock)} for ${name}`;
    case 'none':
      return 'no lock';
  }
}

export interface NovaLink {
  readonly ref: NovaRef;
  readonly url: string;
  readonly commit: 'buggy' | 'fixed';
  readonly sha: string;
  /** "buggy commit 3f348602ae (parent of the fix)" / "fixed commit 7675964af8 (the fix)". */
  readonly commitText: string;
  /** "nova/pci/manager.py:366". */
  readonly place: string;
}

/** Where the step lives in Nova, or `null` when the trace names an unknown reference. */
export function novaLink(step: Pick<StepRow, 'nova'>): NovaLink | null {
  const ref = (NOVA_REFS as Readonly<Record<string, NovaRef>>)[step.nova];
  if (!ref) return null;
  const sha = ref.sha ?? (ref.commit === 'fixed' ? FIX_COMMIT : BUGGY_COMMIT);
  const commitText =
    ref.commit === 'fixed' ? `fixed commit ${sha.slice(0, 10)} (the fix)` : `buggy commit ${sha.slice(0, 10)} (parent of the fix)`;
  return { ref, url: novaUrl(ref), commit: ref.commit, sha, commitText, place: `${ref.file}:${ref.line}` };
}

export interface ViolationView {
  readonly violation: Violation;
  /** The invariant in words (INVARIANT_TEXT). */
  readonly rule: string;
  readonly key: string;
}

function view(v: Violation, i: number): ViolationView {
  return { violation: v, rule: INVARIANT_TEXT[v.invariant], key: `${v.step}-${v.invariant}-${v.address ?? ''}-${i}` };
}

/** The violations that started at `cursor`. */
export function violationsAt(trace: TraceView, cursor: number): ViolationView[] {
  return trace.violations.map(view).filter((v) => v.violation.step === cursor);
}

/** Every violation of the trace, in step order. */
export function allViolations(trace: TraceView): ViolationView[] {
  return trace.violations.map(view).sort((a, b) => a.violation.step - b.violation.step);
}
