/**
 * Module-level selectors: stable functions, so components re-render only
 * when what they read changes.
 */
import type { StepRow, StepWorlds, TraceView, Verdict, World } from '../model';
import type { AppState } from './store';

export const selectScenario = (s: AppState) => s.scenario;
export const selectTrace = (s: AppState): TraceView | null => s.trace;
export const selectNotices = (s: AppState) => s.notices;

export const selectStepCount = (s: AppState): number => s.trace?.steps.length ?? 0;

export const selectCurrentStep = (s: AppState): StepRow | null => s.trace?.steps[s.cursor] ?? null;

/**
 * The worlds the cursor's panels show: those of the current trace, for the
 * cursor's step once the worker has answered (until then, the last step
 * asked for, so panels do not blink while stepping).
 */
export const selectStepWorlds = (s: AppState): StepWorlds | null =>
  s.stepWorlds && s.stepWorlds.traceId === s.traceId && s.trace !== null ? s.stepWorlds.worlds : null;

/** The world after the selected step. */
export const selectWorldAtCursor = (s: AppState): World | null => selectStepWorlds(s)?.after ?? null;

/** The world before the selected step (to highlight what it changed). */
export const selectWorldBeforeCursor = (s: AppState): World | null => selectStepWorlds(s)?.before ?? null;

/** Do the panels show the cursor's step (not still the one before)? */
export const selectWorldsCurrent = (s: AppState): boolean => selectStepWorlds(s)?.step === s.cursor;

/** The verdict of the scenario on screen: ahead of its trace when the fast path answered first. */
export const selectVerdict = (s: AppState): Verdict | null =>
  s.preview !== null && s.preview.scenario === s.scenario ? s.preview.verdict : (s.trace?.verdict ?? null);

/** Is a verdict on screen (or the reason there is none)? What loads later waits for it. */
export const selectVerdictShown = (s: AppState): boolean => s.trace !== null || s.preview !== null || s.runStatus === 'error';

export const selectIsCurrent = (s: AppState): boolean =>
  s.runStatus === 'ready' && s.tracedScenario === s.scenario;

/** Is everything on screen simulated: the trace, and the other variant's while comparing? */
export const selectIsIdle = (s: AppState): boolean => selectIsCurrent(s) && (!s.compare || s.compareFor === s.scenario);

/** The app's idle signal: `ready` once everything on screen is simulated (tests wait for it). */
export const selectSimStatus = (s: AppState): 'running' | 'ready' | 'error' => {
  if (s.runStatus === 'error') return 'error';
  return selectIsIdle(s) ? 'ready' : 'running';
};
