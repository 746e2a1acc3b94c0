import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, csvText } from './index.ts';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Fijn; Wonen')).toBe('"Fijn; Wonen"');
    expect(csvCell('de "Kroon"')).toBe('"de ""Kroon"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
  });

  it('keeps numbers and negative numbers as numbers, null as empty', () => {
    expect(csvRow([1.5, -2, 0, null, undefined])).toBe('1.5;-2;0;;');
  });

  it('never lets text start a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-project')).toBe("'-project");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Project = mooi')).toBe('Project = mooi');
  });

  it('writes BOM, header and CRLF lines', () => {
    expect(csvText(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa;b\r\n1;x\r\n');
  });
});
