/**
 * The text of a PDF written by pdfkit with its standard fonts, for tests: inflates every content stream and joins the
 * hex strings of each TJ/Tj operator (WinAnsi bytes). Not a general PDF parser — enough to check what a report says.
 */
import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80–0x9f that differ from Latin-1 (the ones the reports use). */
const winAnsi: Record<string, string> = { '\x80': '€', '\x85': '…', '\x91': '‘', '\x92': '’', '\x93': '“', '\x94': '”', '\x95': '•', '\x96': '–', '\x97': '—' };

function decodeHex(hex: string): string {
  return Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex')
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => winAnsi[c] ?? c);
}

export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const source = pdf.toString('latin1');
  const streamPattern = /(?<!end)stream\r?\n/g;
  for (let match = streamPattern.exec(source); match !== null; match = streamPattern.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      content = source.slice(start, end);
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] === undefined ? [op[2] ?? ''] : [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '');
      lines.push(hexes.map(decodeHex).join(''));
    }
    streamPattern.lastIndex = end + 'endstream'.length;
  }
  return lines.join('\n');
}
