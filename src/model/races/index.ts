/**
 * The library of races: one definition per race, looked up by the
 * scenario's `race` key. Adding a race is adding a definition here (and its
 * keys in `scenario.ts`, its examples and its text on the screen).
 */
import type { Scenario } from '../scenario';
import type { RaceId } from '../types';
import type { RaceDefinition } from './definition';
import { EVACUATION_RACE } from './evacuation';
import { CONFIRM_RACE, REVERT_RACE } from './resize';
import { UNSHELVE_RACE } from './unshelve';

export type { OutcomeInput, RaceDefinition, RaceRefs } from './definition';

export const RACES: Readonly<Record<RaceId, RaceDefinition>> = {
  '1896463': EVACUATION_RACE,
  '1879878-confirm': CONFIRM_RACE,
  '1879878-revert': REVERT_RACE,
  '2025480': UNSHELVE_RACE,
};

/** The definition of a scenario's race. */
export function raceOf(scenario: Pick<Scenario, 'race'>): RaceDefinition {
  return RACES[scenario.race];
}
