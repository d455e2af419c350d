/** The model's public surface. */
export { simulate, MODEL_LIMITS, lockName } from './simulate';
export * from './scenario';
export type * from './types';
export { HOSTS, LANES } from './types';
export { NOVA_REFS, novaUrl, BUGGY_COMMIT, FIX_COMMIT, BUG_URL, FIX_REVIEW_URL, type NovaRef, type NovaRefId } from './nova-refs';
export { INVARIANT_TEXT } from './invariants';
export { freePools } from './pci-devices';
export { EVACUEE, NEW_SERVER, EVACUATION_MIGRATION_ID } from './world';
