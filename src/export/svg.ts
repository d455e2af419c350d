/**
 * One picture of a scenario for a bug report or a review: the verdict and
 * why, the timeline with "what host2's periodic can see", both hosts' PCI
 * devices, and the trace hash, the scenario link and the headless command.
 * 1200 px wide, so it reads well pasted into Launchpad or Gerrit. The app's
 * SVG and PNG downloads and `npm run export -- --format svg` all call this
 * one function, so they give the same picture.
 */
import { RACE_INFO } from '../model/races/catalog';
import { isUsageOutcome, type RaceId, type Trace } from '../model/types';
import { formatTime } from '../view/time-format';
import { type ExportContext, scenarioLink, simulateCommand } from './links';
import { FONT, INK, INK_SOFT, KEPT, LINE, LOST } from './svg-palette';
import { hostsBlock } from './svg-hosts';
import { el, escapeXml, text, wrapText } from './svg-text';
import { type SvgBlock, timelineBlock } from './svg-timeline';
import { usageHostsBlock } from './svg-usage';
import { expectedNote, verdictCounts, verdictIcon, verdictTitle } from './verdict-text';

export const PICTURE_WIDTH = 1200;
const MARGIN = 24;

function headerBlock(trace: Trace, width: number, race: RaceId): SvgBlock {
  const { verdict } = trace;
  const info = RACE_INFO[race];
  const color = verdict.verdict === 'lost' ? LOST : verdict.verdict === 'kept' ? KEPT : INK_SOFT;
  const reason = wrapText(verdict.reason, width - 2 * MARGIN, 13, 4);
  const out = [
    text({ x: MARGIN, y: 24, 'font-size': 13, fill: INK_SOFT }, `Racelab · Nova bug #${info.bug} · ${info.operation} vs. the resource tracker's periodic task`),
    text({ x: width - MARGIN, y: 24, 'font-size': 13, fill: INK_SOFT, 'text-anchor': 'end' }, `trace #${trace.traceHash}`),
    text({ x: MARGIN, y: 56, 'font-size': 24, 'font-weight': 700, fill: color }, `${verdictIcon(verdict)} ${verdictTitle(verdict)}`),
    text({ x: MARGIN, y: 78, 'font-size': 13, fill: INK }, `${verdictCounts(verdict)}${expectedNote(verdict)}`),
    ...reason.map((line, i) => text({ x: MARGIN, y: 100 + i * 18, 'font-size': 13, fill: INK }, line)),
  ];
  if (trace.stopped) out.push(text({ x: MARGIN, y: 100 + reason.length * 18, 'font-size': 13, fill: LOST }, trace.stopped.message));
  return { markup: out.join(''), height: 96 + (reason.length + (trace.stopped ? 1 : 0)) * 18 };
}

function footerBlock(trace: Trace, ctx: ExportContext, width: number): SvgBlock {
  const link = scenarioLink(ctx);
  const out = [
    el('line', { x1: MARGIN, x2: width - MARGIN, y1: 0, y2: 0, stroke: LINE }),
    text({ x: MARGIN, y: 22, 'font-size': 13, fill: INK }, `Scenario: ${link}`),
    text({ x: MARGIN, y: 42, 'font-size': 13, fill: INK }, `Headless: ${simulateCommand(ctx.scenario)}   ·   trace #${trace.traceHash}`),
    text({ x: MARGIN, y: 62, 'font-size': 11, fill: INK_SOFT },
      `Simulated by Racelab's model of Nova's resource tracker (not a run of real Nova). Virtual time; 0 = the API accepts the ${RACE_INFO[ctx.scenario.race].operation}.`),
  ];
  return { markup: out.join(''), height: 74 };
}

/**
 * The picture as a standalone SVG document.
 *
 * @example scenarioSvg(simulate(defaultScenario()), { scenario, cursor: null, baseUrl }).startsWith('<svg') // true
 */
export function scenarioSvg(trace: Trace, ctx: ExportContext): string {
  const width = PICTURE_WIDTH;
  const last = trace.steps.length - 1;
  const cursor = ctx.cursor === null ? null : Math.min(Math.max(0, ctx.cursor), last);
  const step = cursor === null ? undefined : trace.steps[cursor];
  const world = trace.states[(cursor ?? last) + 1] ?? trace.states[trace.states.length - 1]!;
  const when = step ? `after step ${step.index + 1} (${step.name}, ${formatTime(step.end)})` : `at the end (${formatTime(trace.endTime)})`;
  const blocks: { block: SvgBlock; gap: number }[] = [
    { block: headerBlock(trace, width, ctx.scenario.race), gap: 12 },
    { block: timelineBlock(trace, width, cursor), gap: 20 },
    { block: isUsageOutcome(trace.verdict) ? usageHostsBlock(world, when, width, trace.verdict.expectedUsage) : hostsBlock(world, when, width), gap: 20 },
    { block: footerBlock(trace, ctx, width), gap: 0 },
  ];
  let y = 0;
  const parts = blocks.map(({ block, gap }) => {
    const part = `<g transform="translate(0,${y})">${block.markup}</g>`;
    y += block.height + gap;
    return part;
  });
  const height = Math.ceil(y);
  const label = `${verdictTitle(trace.verdict)}. ${trace.verdict.reason}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(label)}">` +
    `<title>${escapeXml(`Racelab: ${verdictTitle(trace.verdict)} (trace #${trace.traceHash})`)}</title>` +
    el('rect', { width, height, fill: '#fff' }) +
    parts.join('') +
    '</svg>\n'
  );
}

