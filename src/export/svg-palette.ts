/**
 * The pictures' colours and words for threads, statuses and the verdict:
 * the app's own palette (src/view/palette.ts), plus the inks and lines of a
 * picture drawn without the app's stylesheet.
 */
import { HARMLESS as HARMLESS_GREY, STATUS_COLOR } from '../view/palette';

export { FONT, INSTANCE_COLOR, LANE_COLOR, LANE_LABEL, MONO } from '../view/palette';

export const INK = '#1f2933';
export const INK_SOFT = '#52606d';
export const LINE = '#d9dee4';
export const ROW_ODD = '#f6f7f9';
export const LOST = STATUS_COLOR.lost;
export const KEPT = STATUS_COLOR.kept;
export const CLAIMED = STATUS_COLOR.claimed;
export const UNAVAILABLE = STATUS_COLOR.unavailable;
export const HARMLESS = HARMLESS_GREY;
