/**
 * Small, safe building blocks for SVG as text: every piece of text and every
 * attribute value is escaped (scenario values and model labels end up in the
 * picture), numbers are rounded so the output is stable and short.
 */
import { estimateTextWidth } from '../view/label-placement';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute; control characters (invalid in XML) dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Two decimals at most: enough for pixels, stable across platforms. */
export function px(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export type AttrValue = string | number | null | undefined;

/** ` a="1" b="x"`, skipping null/undefined. */
export function attrs(values: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; `content` must already be markup (use `text()` for words). */
export function el(name: string, values: Readonly<Record<string, AttrValue>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${content}</${name}>`;
}

/** A `<text>` element with escaped words. */
export function text(values: Readonly<Record<string, AttrValue>>, words: string): string {
  return el('text', values, escapeXml(words));
}

/** A tooltip for the enclosing element (viewers show it on hover; it also keeps names searchable). */
export function title(words: string): string {
  return `<title>${escapeXml(words)}</title>`;
}

/**
 * Split `words` into lines that fit `width` px at `fontSize` (estimated),
 * at most `maxLines`; the last line ends with an ellipsis when text is left.
 */
export function wrapText(words: string, width: number, fontSize: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]} …`;
  return kept;
}
