/**
 * The lean path of the XLSX reader: opens the zip (random access, so the order of its parts does not matter), reads
 * the small parts (workbook, relations, styles, shared strings) and then streams only the sheets the passport needs
 * through a SAX parser, keeping one array of cells per row instead of exceljs's whole workbook model (about 1 GB for a
 * 100,000-line passport).
 *
 * It reproduces what `workbook.xlsx.load` (exceljs 4.4) makes of a cell: shared strings (plain and rich text, with
 * `_xHHHH_` escapes), numbers, booleans, errors, formulas (their cached result), dates (numbers in a cell whose number
 * format is a date format, 1900 and 1904 date systems). Whatever it does not reproduce makes it give up with
 * `NotStreamable`, and the caller reads the workbook whole as before: merged cells, hyperlinks, inline strings,
 * phonetic text, empty cells without style, missing or unusual parts, rows out of order, or any damage.
 */
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell, TableRow } from './table.ts';

/** The streaming reader cannot reproduce the whole-workbook result for this file; read it whole. */
export class NotStreamable extends Error {}

/** A cell value in the shape exceljs gives it (the subset the reader produces). */
export type RawCellValue =
  | string
  | number
  | boolean
  | Date
  | { richText: { text: string | undefined }[] }
  | { error: string }
  | { formula: string; result?: RawCellValue }
  | Record<string, never>
  | undefined;

export interface WorkbookTable {
  /** false: the workbook has no sheet to read the passport from. */
  found: boolean;
  header: Cell[];
  rows: TableRow[];
  /** Column A and B of each row of the sheet "Project" (any case), in row order. */
  projectRows: { key: Cell; value: Cell }[];
}

interface SheetEntry {
  name: string;
  path: string;
}

/** Built-in number formats that exceljs treats as dates (its defaultnumformats with `isDateFmt` true). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs `utils.isDateFmt`. */
function isDateFormat(code: string): boolean {
  const stripped = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(stripped);
}

/** exceljs `utils.excelToDate`. */
function excelToDate(value: number, date1904: boolean): Date {
  return new Date(Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs `utils.xmlDecode`: the second decoding exceljs applies to `str` values. */
function xmlDecode(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[name] ?? '');
}

const decodeEscapes = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const unusualSheetName = (name: string) => name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name);

function parseXml(text: string, handlers: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void }): void {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) parser.on('closetag', handlers.close);
  parser.on('cdata', () => {
    throw new NotStreamable('CDATA');
  });
  parser.write(text).close();
}

/** Streams a zip entry's text through a SAX parser, chunk by chunk. */
async function streamXml(file: JSZip.JSZipObject, handlers: { open: (tag: SaxesTagPlain) => void; text: (text: string) => void; close: (tag: SaxesTagPlain) => void }): Promise<void> {
  const parser = new SaxesParser();
  parser.on('opentag', handlers.open);
  parser.on('text', handlers.text);
  parser.on('closetag', handlers.close);
  parser.on('cdata', () => {
    throw new NotStreamable('CDATA');
  });
  // Bytes are decoded here rather than by jszip so that a character split between two chunks stays whole.
  const decoder = new StringDecoder('utf8');
  // jszip's stream is an old-style one; piping it into a core stream makes it async-iterable (errors included).
  const source = file.nodeStream('nodebuffer');
  const chunks = new PassThrough();
  source.on('error', (error: Error) => chunks.destroy(error));
  for await (const chunk of source.pipe(chunks) as AsyncIterable<Buffer>) parser.write(decoder.write(chunk));
  parser.write(decoder.end()).close();
}

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string | undefined): number {
  const letters = ref === undefined ? null : /^([A-Z]{1,3})\d+$/.exec(ref);
  if (!letters?.[1]) throw new NotStreamable(`cell reference ${ref ?? '(none)'}`);
  let column = 0;
  for (const ch of letters[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

interface Styles {
  /** Per cellXfs index: whether a number in that style is a date. */
  dateStyles: boolean[];
}

function readStyles(xml: string): Styles {
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  parseXml(xml, {
    open: (tag) => {
      if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'numFmts') inNumFmts = true;
      else if (tag.name === 'xf' && inCellXfs) xfFormats.push(parseInt(tag.attributes.numFmtId ?? '', 10));
      else if (tag.name === 'numFmt' && inNumFmts) {
        const code = tag.attributes.formatCode;
        if (code === undefined) throw new NotStreamable('numFmt without formatCode');
        customFormats.set(parseInt(tag.attributes.numFmtId ?? '', 10), code.replace(/[\\](.)/g, '$1'));
      }
    },
    close: (tag) => {
      if (tag.name === 'cellXfs') inCellXfs = false;
      else if (tag.name === 'numFmts') inNumFmts = false;
    },
  });
  if (xfFormats.length === 0) throw new NotStreamable('styles without cellXfs');
  return {
    dateStyles: xfFormats.map((id) => {
      if (!id) return false;
      const custom = customFormats.get(id);
      return custom ? isDateFormat(custom) : builtInDateFormats.has(id);
    }),
  };
}

/** Shared strings: a string, rich-text runs, or undefined for an empty entry (exceljs gives `{}`). */
type SharedString = string | { richText: { text: string | undefined }[] } | Record<string, never>;

function readSharedStrings(xml: string): SharedString[] {
  const strings: SharedString[] = [];
  let current: SharedString | undefined;
  let texts: string[] | null = null;
  let runs: { text: string | undefined }[] | null = null;
  let runText: string | undefined;
  let inRun = false;
  let directTexts = 0;
  parseXml(xml, {
    open: (tag) => {
      switch (tag.name) {
        case 'si':
          current = {};
          runs = null;
          directTexts = 0;
          break;
        case 'r':
          inRun = true;
          runText = undefined;
          break;
        case 't':
          texts = [];
          break;
        case 'rPh':
          throw new NotStreamable('phonetic text');
      }
    },
    text: (text) => {
      texts?.push(text);
    },
    close: (tag) => {
      switch (tag.name) {
        case 't':
          if (texts === null) break;
          if (inRun) runText = decodeEscapes(texts.join(''));
          else {
            directTexts += 1;
            current = decodeEscapes(texts.join(''));
          }
          texts = null;
          break;
        case 'r':
          inRun = false;
          runs ??= [];
          runs.push({ text: runText });
          break;
        case 'si':
          if (directTexts > 1 || (directTexts > 0 && runs !== null)) throw new NotStreamable('mixed shared string');
          strings.push(runs !== null ? { richText: runs } : (current ?? {}));
          current = undefined;
          break;
      }
    },
  });
  return strings;
}

/** The passport sheet, the Project sheet and everything needed to read their cells. */
interface Workbook {
  zip: Map<string, JSZip.JSZipObject>;
  sheets: SheetEntry[];
  date1904: boolean;
  styles: Styles;
  sharedStrings: SharedString[];
}

async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const archive = await JSZip.loadAsync(bytes);
  const zip = new Map<string, JSZip.JSZipObject>();
  for (const entry of Object.values(archive.files)) if (!entry.dir) zip.set(entry.name.startsWith('/') ? entry.name.slice(1) : entry.name, entry);
  const text = async (path: string) => zip.get(path)?.async('string');

  const workbookXml = await text('xl/workbook.xml');
  const relsXml = await text('xl/_rels/workbook.xml.rels');
  const stylesXml = await text('xl/styles.xml');
  if (workbookXml === undefined || relsXml === undefined || stylesXml === undefined) throw new NotStreamable('missing workbook part');

  const targets = new Map<string, string>();
  parseXml(relsXml, {
    open: (tag) => {
      if (tag.name === 'Relationship' && tag.attributes.Id !== undefined && tag.attributes.Target !== undefined) targets.set(tag.attributes.Id, tag.attributes.Target);
    },
  });
  const sheets: SheetEntry[] = [];
  const sheetIds = new Set<number>();
  const names = new Set<string>();
  let date1904 = false;
  parseXml(workbookXml, {
    open: (tag) => {
      if (tag.name === 'workbookPr') date1904 = tag.attributes.date1904 === '1';
      if (tag.name !== 'sheet') return;
      const { name, sheetId } = tag.attributes;
      const id = Number(sheetId);
      if (name === undefined || !Number.isInteger(id) || id < 1 || sheetIds.has(id) || unusualSheetName(name) || names.has(name.slice(0, 31).toLowerCase())) {
        throw new NotStreamable('unusual sheet list');
      }
      sheetIds.add(id);
      names.add(name.slice(0, 31).toLowerCase());
      const target = targets.get(tag.attributes['r:id'] ?? '');
      if (target === undefined) return;
      const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      // Like exceljs: only worksheet parts count (chart sheets are skipped).
      if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(path) && zip.has(path)) sheets.push({ name: name.slice(0, 31), path });
    },
  });
  const sharedXml = await text('xl/sharedStrings.xml');
  return { zip, sheets, date1904, styles: readStyles(stylesXml), sharedStrings: sharedXml === undefined ? [] : readSharedStrings(sharedXml) };
}

/** Streams one sheet; `onRow` gets each row with at least one cell, in order. */
async function streamSheet(workbook: Workbook, path: string, onRow: (row: number, values: RawCellValue[]) => void): Promise<void> {
  const file = workbook.zip.get(path);
  if (!file) throw new NotStreamable(`missing ${path}`);
  const { dateStyles } = workbook.styles;
  const { sharedStrings, date1904 } = workbook;
  let inSheetData = false;
  let rowNumber = 0;
  let values: RawCellValue[] | null = null;
  // current cell
  let column = 0;
  let type: string | undefined;
  let isDate = false;
  let styleId = 0;
  let formula: string | undefined;
  let formulaShared = false;
  let value: string | undefined;
  let target: 'f' | 'v' | null = null;

  const numberOf = (text: string): number | Date => (isDate ? excelToDate(parseFloat(text), date1904) : parseFloat(text));

  await streamXml(file, {
    open: (tag) => {
      switch (tag.name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          const r = Number(tag.attributes.r);
          if (!Number.isInteger(r) || r <= rowNumber) throw new NotStreamable('row number missing or out of order');
          rowNumber = r;
          values = [];
          break;
        }
        case 'c': {
          if (values === null) break;
          column = columnOf(tag.attributes.r);
          type = tag.attributes.t;
          styleId = parseInt(tag.attributes.s ?? '', 10);
          isDate = styleId ? (dateStyles[styleId] ?? false) : false;
          formula = undefined;
          formulaShared = false;
          value = undefined;
          if (type === 'inlineStr') throw new NotStreamable('inline string');
          break;
        }
        case 'f':
          if (values === null) break;
          target = 'f';
          formulaShared = tag.attributes.t !== undefined;
          break;
        case 'v':
          if (values === null) break;
          target = 'v';
          break;
        case 'is':
        case 'mergeCell':
        case 'hyperlink':
          throw new NotStreamable(tag.name);
      }
    },
    text: (text) => {
      if (target === 'v') value = value === undefined ? text : value + text;
      else if (target === 'f') formula = formula === undefined ? text : formula + text;
    },
    close: (tag) => {
      switch (tag.name) {
        case 'f':
        case 'v':
          target = null;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
        case 'row':
          if (values !== null && values.length > 0) onRow(rowNumber, values);
          values = null;
          break;
        case 'c': {
          if (values === null) break;
          let cell: RawCellValue;
          if (formula || formulaShared) {
            let result: RawCellValue;
            if (value) {
              if (type === 'str') result = xmlDecode(value);
              else if (type === 'b') result = parseInt(value, 10) !== 0;
              else if (type === 'e') result = { error: value };
              else result = numberOf(value);
            }
            cell = { formula: formula ?? '', ...(result !== undefined && { result }) };
          } else if (value !== undefined) {
            switch (type) {
              case 's': {
                const shared = sharedStrings[parseInt(value, 10)];
                if (shared === undefined) throw new NotStreamable('shared string out of range');
                cell = shared;
                break;
              }
              case 'str':
                cell = xmlDecode(value);
                break;
              case 'b':
                cell = parseInt(value, 10) !== 0;
                break;
              case 'e':
                cell = { error: value };
                break;
              default:
                cell = numberOf(value);
            }
          } else if (!styleId) {
            // exceljs turns an empty cell without (or with style 0) into a merge placeholder.
            throw new NotStreamable('empty cell without style');
          }
          values[column - 1] = cell;
          break;
        }
      }
    },
  });
}

/**
 * Reads the passport sheet ("Paspoort", else the first sheet not named Uitleg or Project) and the Project sheet by
 * streaming. `toCell` turns a raw value into a table cell (the same function the whole-workbook reader uses).
 * Throws NotStreamable (or any error from a damaged file): the caller then reads the workbook whole.
 */
export async function streamWorkbookTable(bytes: Uint8Array, toCell: (value: RawCellValue) => Cell): Promise<WorkbookTable> {
  const workbook = await openWorkbook(bytes);
  const sheet = workbook.sheets.find((s) => s.name === 'Paspoort') ?? workbook.sheets.find((s) => !['uitleg', 'project'].includes(s.name.toLowerCase()));
  const projectSheet = workbook.sheets.find((s) => s.name.toLowerCase() === 'project');
  const projectRows: WorkbookTable['projectRows'] = [];
  if (projectSheet) {
    await streamSheet(workbook, projectSheet.path, (_, values) => {
      projectRows.push({ key: toCell(values[0]), value: toCell(values[1]) });
    });
  }
  if (!sheet) return { found: false, header: [], rows: [], projectRows };
  let header: Cell[] = [];
  const rows: TableRow[] = [];
  await streamSheet(workbook, sheet.path, (row, values) => {
    const cells: Cell[] = new Array<Cell>(values.length);
    for (let i = 0; i < values.length; i++) cells[i] = toCell(values[i]);
    if (row === 1) header = cells;
    else if (!cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''))) rows.push({ row, cells });
  });
  return { found: true, header, rows, projectRows };
}
