/**
 * The pieces every query key is read with: the plain-decimal schema, the
 * issue text of a failed parse, and how a piece of the URL is quoted in a
 * notice. Shared by the scenario keys and the race map's keys.
 */
import * as v from 'valibot';

/** Longest value we look at; anything longer is rejected unread. */
const MAX_VALUE_LENGTH = 32;
const MAX_SHOWN_KEY = 40;
const DECIMAL = /^-?\d{1,20}(\.\d{1,6})?$/;

export const numberSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_VALUE_LENGTH, 'is too long'),
  v.regex(DECIMAL, 'is not a plain decimal number'),
  v.transform(Number),
  v.finite('is not a finite number'),
);

/** Shorten and quote a piece of the URL for a notice (it is only ever rendered as text). */
export function shown(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(flat.length > MAX_SHOWN_KEY ? `${flat.slice(0, MAX_SHOWN_KEY)}…` : flat);
}

export function issueText(result: { issues: readonly { message: string }[] }): string {
  return result.issues[0]?.message ?? 'is not valid';
}
