/**
 * Module-level selectors: stable functions, so components re-render only
 * when what they read changes.
 */
import type { Trace, TraceStep, Verdict, World } from '../model/types';
import type { AppState } from './store';

export const selectScenario = (s: AppState) => s.scenario;
export const selectTrace = (s: AppState): Trace | null => s.trace;
export const selectNotices = (s: AppState) => s.notices;

export const selectStepCount = (s: AppState): number => s.trace?.steps.length ?? 0;

export const selectCurrentStep = (s: AppState): TraceStep | null => s.trace?.steps[s.cursor] ?? null;

/** The world after the selected step. */
export const selectWorldAtCursor = (s: AppState): World | null => s.trace?.states[s.cursor + 1] ?? null;

/** The world before the selected step (to highlight what it changed). */
export const selectWorldBeforeCursor = (s: AppState): World | null => s.trace?.states[s.cursor] ?? null;

export const selectVerdict = (s: AppState): Verdict | null => s.trace?.verdict ?? null;

/** Has the latest trace caught up with the scenario on screen? */
export const selectIsCurrent = (s: AppState): boolean =>
  s.runStatus === 'ready' && s.tracedScenario === s.scenario;

/** Is everything on screen simulated: the trace, and the other variant's while comparing? */
export const selectIsIdle = (s: AppState): boolean => selectIsCurrent(s) && (!s.compare || s.compareFor === s.scenario);

/** The app's idle signal: `ready` once everything on screen is simulated (tests wait for it). */
export const selectSimStatus = (s: AppState): 'running' | 'ready' | 'error' => {
  if (s.runStatus === 'error') return 'error';
  return selectIsIdle(s) ? 'ready' : 'running';
};
