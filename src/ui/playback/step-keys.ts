/**
 * Which key steps through the trace, decided from the key and the kind of
 * control that has focus. Stepping works wherever focus is, except that
 * text fields keep every key, a slider keeps its own (arrows, Home, End,
 * Page Up/Down) and ignores the rest while dragged, and buttons and links
 * keep Space and Enter to activate. Selects and checkboxes give their arrow,
 * Home/End and Space keys to stepping (End on the Example select used to
 * load another example; Space on the fix checkbox turned the fix off);
 * Enter toggles a checkbox instead, and Up/Down still choose in a select.
 */

export type StepAction = 'next' | 'prev' | 'first' | 'last' | 'play' | 'race' | 'help' | 'close-help' | 'toggle-checkbox';

export type FocusKind = 'text' | 'slider' | 'select' | 'checkbox' | 'button' | 'other';

export interface KeyInput {
  readonly key: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
}

/** The stepping keys, for the key help too. */
export const STEP_KEYS: readonly { readonly keys: readonly string[]; readonly action: StepAction; readonly text: string }[] = [
  { keys: ['→', 'j', ']'], action: 'next', text: 'next step' },
  { keys: ['←', 'k', '['], action: 'prev', text: 'previous step' },
  { keys: ['Home'], action: 'first', text: 'first step' },
  { keys: ['End'], action: 'last', text: 'last step' },
  { keys: ['Space'], action: 'play', text: 'play / pause' },
  { keys: ['z'], action: 'race', text: 'zoom the timeline to the race' },
  { keys: ['?'], action: 'help', text: 'show or hide these keys' },
];

const ACTIONS: Readonly<Record<string, StepAction>> = {
  ArrowRight: 'next',
  j: 'next',
  ']': 'next',
  ArrowLeft: 'prev',
  k: 'prev',
  '[': 'prev',
  Home: 'first',
  End: 'last',
  ' ': 'play',
  z: 'race',
  '?': 'help',
  Escape: 'close-help',
};

/** Keys a range input uses itself. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * The action for a key press, or `null` to leave the key to the focused control.
 *
 * @example stepKeyAction({ key: 'End', ctrl: false, meta: false, alt: false }, 'select', false) // 'last'
 */
export function stepKeyAction(input: KeyInput, focus: FocusKind, sliderDragged: boolean): StepAction | null {
  if (input.ctrl || input.meta || input.alt) return null;
  if (focus === 'text') return null;
  if (focus === 'checkbox' && input.key === 'Enter') return 'toggle-checkbox';
  if (focus === 'slider' && (sliderDragged || SLIDER_KEYS.has(input.key))) return null;
  if (focus === 'button' && (input.key === ' ' || input.key === 'Enter')) return null;
  return ACTIONS[input.key] ?? null;
}

/** What kind of control an element is, for `stepKeyAction`. */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return 'text';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return 'slider';
    if (target.type === 'checkbox' || target.type === 'radio') return 'checkbox';
    if (target.type === 'button' || target.type === 'submit' || target.type === 'reset') return 'button';
    return 'text';
  }
  if (target.tagName === 'SELECT') return 'select';
  if (target.tagName === 'BUTTON' || target.tagName === 'A' || target.tagName === 'SUMMARY') return 'button';
  return 'other';
}
