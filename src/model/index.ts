/**
 * The model as the screen sees it: its types, the scenario keys, the Nova
 * references and the few read-only helpers the panels need. `src/ui` and
 * `src/view` import the model only through this file (checked by
 * `scripts/check-imports.mjs`); running a simulation is the worker's job.
 */
export type * from './types';
export { ALL_HOSTS, HOSTS, isUsageOutcome, LANES, RACE_IDS } from './types';
export { RACE_INFO, type RaceInfo, type RaceRefs } from './races/catalog';
export type { Fact, FactOf, FactType } from './facts';
export type {
  Freed,
  Interval,
  PeriodicRun,
  RaceLink,
  RaceView,
  Snapshot,
  SnapshotStatus,
  UsageInterval,
  UsageSeries,
  UsageView,
  Visibility,
} from './race';
export {
  clampParam,
  DEFAULT_RACE,
  defaultScenario,
  interned,
  isScenarioInRange,
  normalizedScenario,
  NUMERIC_KEYS,
  NUMERIC_PARAMS,
  PARAM_BY_KEY,
  paramDefault,
  paramDoc,
  PRESETS,
  raceHasPresets,
  raceParams,
  raceReads,
  type NumericKey,
  type NumericParam,
  type Preset,
  type Scenario,
} from './scenario';
export { BUG_URL, BUGGY_COMMIT, FIX_COMMIT, FIX_REVIEW_URL, NOVA_REFS, type NovaRef, type NovaRefId, novaUrl } from './nova-refs';
export { INVARIANT_TEXT } from './invariants';
export { freePools } from './pci-devices';
export { allocationMissing, pciAllocatedCount } from './database';
export { DEST_HOST, EVACUATION_MIGRATION_ID, EVACUEE, evacueesOf, NEW_SERVER, SECOND_EVACUEE, SOURCE_HOST } from './world';
export type { ScenarioExploration, ScheduleSummary } from './explore/scenario-explorer';
export { type OutcomeCount, outcomeKey } from './explore/outcome-key';
export type { Reduction } from './explore/explorer';
