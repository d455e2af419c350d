/**
 * The visual language shared by every panel (and by the exported pictures):
 * see src/view/palette.ts.
 */
export { FONT, HARMLESS, INSTANCE_COLOR, LANE_COLOR, LANE_LABEL, MONO, STATUS_COLOR } from '../view/palette';
