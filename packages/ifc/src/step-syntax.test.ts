import { describe, expect, it } from 'vitest';
import { readFixture } from '../test/step-text.ts';
import { IfcImportError } from './errors.ts';
import { checkStepSyntax } from './step-syntax.ts';

const wrap = (data: string) => new TextEncoder().encode(`ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n${data}\nENDSEC;\nEND-ISO-10303-21;\n`);

function detailOf(data: string): string | undefined {
  try {
    checkStepSyntax(wrap(data));
    return undefined;
  } catch (error) {
    if (error instanceof IfcImportError) return `${error.code}: ${error.detail ?? ''}`;
    throw error;
  }
}

describe('checkStepSyntax', () => {
  it('accepts the fixtures and counts their entity lines', () => {
    expect(checkStepSyntax(readFixture('office-cv2.ifc'))).toBe(42582);
    expect(checkStepSyntax(readFixture('example.ifc'))).toBeGreaterThan(6000);
    expect(checkStepSyntax(readFixture('fzk-haus.ifc'))).toBeGreaterThan(40000);
  });

  it('accepts every kind of STEP value', () => {
    expect(detailOf("#1=IFCX('it''s',#2,$,*,.T.,-1.5E-3,+2,(),((1.,2.),(3.)),IFCLABEL('a'),\"0AF\");\n/* comment */ #2 = IFCY ( ) ;")).toBeUndefined();
  });

  it.each([
    // Both reproduce endless loops in web-ifc 0.0.78 (found by the fuzz test).
    ["#1=IFCA(#2.,(#3));", "',' of ')' verwacht"],
    ["#1=IFCRELDEFINESBYPROPERTIES.'x',$);", "'(' ontbreekt"],
    ["#1=IFCA('open);", 'afgekapt'],
    ['#1=IFCA((1.,2.);', "',' of ')' verwacht"],
    ['#1=IFCA(1.)\n#2=IFCB(2.);', "';' ontbreekt"],
    ['#1=IFCA(1.);\n#1=IFCB(2.);', '#1 komt twee keer voor'],
    ['#1=IFCA(1.,|);', 'ongeldig teken'],
    ['#1=IFCA(.T);', 'ongeldige opsommingswaarde'],
  ])('rejects %s', (data, problem) => {
    expect(detailOf(data)).toContain(problem);
  });

  it('names the line of the problem and detects truncation', () => {
    expect(detailOf("#1=IFCA(1.);\n#2=IFCB(2.,;")).toMatch(/^corrupt: regel\/line 7: #2/);
    const truncated = wrap('#1=IFCA(1.);').subarray(0, 70);
    expect(() => checkStepSyntax(truncated)).toThrow(/afgekapt|truncated/);
  });
});
