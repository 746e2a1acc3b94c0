/**
 * Synthetic IFC4 models for tests and benchmarks: project → site → building → storeys with walls (two-layer
 * material layer set), slabs (constituent set), columns (single material), optional beams without material and a
 * proxy without geometry. Geometry is extruded rectangles, so every volume and area is known exactly; the generator
 * returns those expectations next to the STEP text.
 */

export interface SyntheticModelSpec {
  storeys?: number;
  wallsPerStorey?: number;
  slabsPerStorey?: number;
  columnsPerStorey?: number;
  /** Beams without material association (for the withoutMaterial list). */
  beamsPerStorey?: number;
  /** Adds one IfcBuildingElementProxy without geometry, material or quantities. */
  withEmptyProxy?: boolean;
  /** Write Qto_*BaseQuantities for walls, slabs and columns (default true). */
  quantities?: boolean;
  /** File length unit (default "mm"). */
  lengthUnit?: 'm' | 'mm';
  projectName?: string;
  /** Header schema (default IFC4); the entities written are valid in both. */
  schema?: 'IFC4' | 'IFC4X3_ADD2';
}

export interface ExpectedElement {
  globalId: string;
  ifcClass: 'IfcWall' | 'IfcSlab' | 'IfcColumn' | 'IfcBeam' | 'IfcBuildingElementProxy';
  name: string;
  storey: string;
  predefinedType?: string;
  isExternal?: boolean;
  volumeM3: number | null;
  areaM2: number | null;
  lengthM?: number;
  materials: { name: string; share: number; thicknessM?: number }[];
  hasQto: boolean;
}

export interface SyntheticModel {
  text: string;
  expected: ExpectedElement[];
}

const guidAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

/** Deterministic 22-character IFC GlobalId from a counter. */
function guid(n: number): string {
  let out = '';
  let value = n;
  for (let i = 0; i < 22; i++) {
    out = guidAlphabet[value % 64] + out;
    value = Math.floor(value / 64);
  }
  return `3${out.slice(1)}`;
}

function real(value: number): string {
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.`;
}

export const syntheticMaterials = {
  wall: [
    { name: 'Beton C30/37', thicknessM: 0.2 },
    { name: 'Minerale wol', thicknessM: 0.1 },
  ],
  slab: [
    { name: 'CLT vuren', fraction: 0.8 },
    { name: 'Anhydriet dekvloer', fraction: 0.2 },
  ],
  column: 'Staal S235',
};

export function generateIfc(spec: SyntheticModelSpec = {}): SyntheticModel {
  const storeyCount = spec.storeys ?? 2;
  const wallsPerStorey = spec.wallsPerStorey ?? 4;
  const slabsPerStorey = spec.slabsPerStorey ?? 1;
  const columnsPerStorey = spec.columnsPerStorey ?? 2;
  const beamsPerStorey = spec.beamsPerStorey ?? 0;
  const withQuantities = spec.quantities ?? true;
  const unit = spec.lengthUnit ?? 'mm';
  const k = unit === 'mm' ? 1000 : 1;
  const storeyHeightM = 3;

  const lines: string[] = [];
  let next = 1;
  let guidCounter = 1;
  const add = (entity: string): number => {
    const id = next++;
    lines.push(`#${id}=${entity};`);
    return id;
  };
  const g = () => `'${guid(guidCounter++)}'`;
  const expected: ExpectedElement[] = [];

  const lengthUnit = add(`IFCSIUNIT(*,.LENGTHUNIT.,${unit === 'mm' ? '.MILLI.' : '$'},.METRE.)`);
  const areaUnit = add('IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.)');
  const volumeUnit = add('IFCSIUNIT(*,.VOLUMEUNIT.,$,.CUBIC_METRE.)');
  const units = add(`IFCUNITASSIGNMENT((#${lengthUnit},#${areaUnit},#${volumeUnit}))`);
  const origin = add('IFCCARTESIANPOINT((0.,0.,0.))');
  const zAxis = add('IFCDIRECTION((0.,0.,1.))');
  const xAxis2d = add('IFCDIRECTION((1.,0.))');
  const worldAxes = add(`IFCAXIS2PLACEMENT3D(#${origin},$,$)`);
  const context = add(`IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1.E-05,#${worldAxes},$)`);
  const body = add(`IFCGEOMETRICREPRESENTATIONSUBCONTEXT('Body','Model',*,*,*,*,#${context},$,.MODEL_VIEW.,$)`);
  const project = add(`IFCPROJECT(${g()},$,'${spec.projectName ?? 'Synthetisch model'}',$,$,$,$,(#${context}),#${units})`);
  const sitePlacement = add(`IFCLOCALPLACEMENT($,#${worldAxes})`);
  const site = add(`IFCSITE(${g()},$,'Terrein',$,$,#${sitePlacement},$,$,.ELEMENT.,$,$,$,$,$)`);
  const buildingPlacement = add(`IFCLOCALPLACEMENT(#${sitePlacement},#${worldAxes})`);
  const building = add(`IFCBUILDING(${g()},$,'Woongebouw',$,$,#${buildingPlacement},$,$,.ELEMENT.,$,$,$)`);
  add(`IFCRELAGGREGATES(${g()},$,$,$,#${project},(#${site}))`);
  add(`IFCRELAGGREGATES(${g()},$,$,$,#${site},(#${building}))`);

  // Shared material definitions.
  const wallMaterials = syntheticMaterials.wall.map((layer) => ({ ...layer, id: add(`IFCMATERIAL('${layer.name}',$,$)`) }));
  const wallLayers = wallMaterials.map((layer) => add(`IFCMATERIALLAYER(#${layer.id},${real(layer.thicknessM * k)},$,$,$,$,$)`));
  const wallLayerSet = add(`IFCMATERIALLAYERSET((${wallLayers.map((id) => `#${id}`).join(',')}),'Buitenwand beton 300',$)`);
  const wallUsage = add(`IFCMATERIALLAYERSETUSAGE(#${wallLayerSet},.AXIS2.,.POSITIVE.,0.,$)`);
  const slabMaterials = syntheticMaterials.slab.map((part) => ({ ...part, id: add(`IFCMATERIAL('${part.name}',$,$)`) }));
  const slabConstituents = slabMaterials.map((part) => add(`IFCMATERIALCONSTITUENT('${part.name}',$,#${part.id},${real(part.fraction)},$)`));
  const slabSet = add(`IFCMATERIALCONSTITUENTSET('Vloer CLT',$,(${slabConstituents.map((id) => `#${id}`).join(',')}))`);
  const columnMaterial = add(`IFCMATERIAL('${syntheticMaterials.column}',$,$)`);

  const wallThicknessM = syntheticMaterials.wall.reduce((sum, layer) => sum + layer.thicknessM, 0);
  const wallIdsByStorey: number[] = [];
  const slabIds: number[] = [];
  const columnIds: number[] = [];

  /** Element placement + extruded rectangle (xDim × yDim, profile centred at (cx, cy)), depth along z. */
  const solid = (params: { x: number; y: number; z: number; xDim: number; yDim: number; depth: number; storeyPlacement: number }) => {
    const point = add(`IFCCARTESIANPOINT((${real(params.x * k)},${real(params.y * k)},${real(params.z * k)}))`);
    const axes = add(`IFCAXIS2PLACEMENT3D(#${point},$,$)`);
    const placement = add(`IFCLOCALPLACEMENT(#${params.storeyPlacement},#${axes})`);
    const centre = add(`IFCCARTESIANPOINT((${real((params.xDim / 2) * k)},${real((params.yDim / 2) * k)}))`);
    const profileAxes = add(`IFCAXIS2PLACEMENT2D(#${centre},#${xAxis2d})`);
    const profile = add(`IFCRECTANGLEPROFILEDEF(.AREA.,$,#${profileAxes},${real(params.xDim * k)},${real(params.yDim * k)})`);
    const extrusion = add(`IFCEXTRUDEDAREASOLID(#${profile},#${worldAxes},#${zAxis},${real(params.depth * k)})`);
    const representation = add(`IFCSHAPEREPRESENTATION(#${body},'Body','SweptSolid',(#${extrusion}))`);
    const shape = add(`IFCPRODUCTDEFINITIONSHAPE($,$,(#${representation}))`);
    return { placement, shape };
  };

  const quantitySet = (element: number, name: string, quantities: { kind: 'LENGTH' | 'AREA' | 'VOLUME'; name: string; value: number }[]) => {
    const ids = quantities.map((q) => add(`IFCQUANTITY${q.kind}('${q.name}',$,$,${real(q.value)},$)`));
    const set = add(`IFCELEMENTQUANTITY(${g()},$,'${name}',$,$,(${ids.map((id) => `#${id}`).join(',')}))`);
    add(`IFCRELDEFINESBYPROPERTIES(${g()},$,$,$,(#${element}),#${set})`);
  };

  const commonPset = (element: number, name: string, isExternal: boolean) => {
    const external = add(`IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(${isExternal ? '.T.' : '.F.'}),$)`);
    const pset = add(`IFCPROPERTYSET(${g()},$,'${name}',$,(#${external}))`);
    add(`IFCRELDEFINESBYPROPERTIES(${g()},$,$,$,(#${element}),#${pset})`);
  };

  const storeyIds: number[] = [];
  for (let s = 0; s < storeyCount; s++) {
    const storeyName = s === 0 ? 'Begane grond' : `Verdieping ${s}`;
    const storeyPoint = add(`IFCCARTESIANPOINT((0.,0.,${real(s * storeyHeightM * k)}))`);
    const storeyAxes = add(`IFCAXIS2PLACEMENT3D(#${storeyPoint},$,$)`);
    const storeyPlacement = add(`IFCLOCALPLACEMENT(#${buildingPlacement},#${storeyAxes})`);
    const storey = add(`IFCBUILDINGSTOREY(${g()},$,'${storeyName}',$,$,#${storeyPlacement},$,$,.ELEMENT.,${real(s * storeyHeightM * k)})`);
    storeyIds.push(storey);
    const contained: number[] = [];

    for (let w = 0; w < wallsPerStorey; w++) {
      const lengthM = 4 + (w % 5) * 0.5;
      const heightM = storeyHeightM - 0.25;
      const isExternal = w % 2 === 0;
      const { placement, shape } = solid({ x: w * 6, y: 0, z: 0, xDim: lengthM, yDim: wallThicknessM, depth: heightM, storeyPlacement });
      const globalId = g();
      const name = `Wand ${s}.${w}`;
      const wall = add(`IFCWALL(${globalId},$,'${name}',$,$,#${placement},#${shape},$,.STANDARD.)`);
      contained.push(wall);
      wallIdsByStorey.push(wall);
      commonPset(wall, 'Pset_WallCommon', isExternal);
      const volumeM3 = lengthM * wallThicknessM * heightM;
      const sideAreaM2 = lengthM * heightM;
      if (withQuantities) {
        quantitySet(wall, 'Qto_WallBaseQuantities', [
          { kind: 'LENGTH', name: 'Length', value: lengthM * k },
          { kind: 'LENGTH', name: 'Height', value: heightM * k },
          { kind: 'LENGTH', name: 'Width', value: wallThicknessM * k },
          { kind: 'AREA', name: 'GrossSideArea', value: sideAreaM2 },
          { kind: 'AREA', name: 'NetSideArea', value: sideAreaM2 },
          { kind: 'VOLUME', name: 'GrossVolume', value: volumeM3 },
          { kind: 'VOLUME', name: 'NetVolume', value: volumeM3 },
        ]);
      }
      expected.push({
        globalId: globalId.slice(1, -1),
        ifcClass: 'IfcWall',
        name,
        storey: storeyName,
        predefinedType: 'STANDARD',
        isExternal,
        volumeM3,
        areaM2: sideAreaM2,
        ...(withQuantities ? { lengthM } : {}),
        materials: syntheticMaterials.wall.map((layer) => ({ name: layer.name, share: layer.thicknessM / wallThicknessM, thicknessM: layer.thicknessM })),
        hasQto: withQuantities,
      });
    }

    for (let f = 0; f < slabsPerStorey; f++) {
      const widthM = 6;
      const depthM = 8 + f;
      const thicknessM = 0.25;
      const { placement, shape } = solid({ x: 0, y: f * 10 + 1, z: -thicknessM, xDim: widthM, yDim: depthM, depth: thicknessM, storeyPlacement });
      const globalId = g();
      const name = `Vloer ${s}.${f}`;
      const slab = add(`IFCSLAB(${globalId},$,'${name}',$,$,#${placement},#${shape},$,.FLOOR.)`);
      contained.push(slab);
      slabIds.push(slab);
      const areaM2 = widthM * depthM;
      const volumeM3 = areaM2 * thicknessM;
      if (withQuantities) {
        quantitySet(slab, 'Qto_SlabBaseQuantities', [
          { kind: 'LENGTH', name: 'Width', value: thicknessM * k },
          { kind: 'AREA', name: 'GrossArea', value: areaM2 },
          { kind: 'AREA', name: 'NetArea', value: areaM2 },
          { kind: 'VOLUME', name: 'GrossVolume', value: volumeM3 },
          { kind: 'VOLUME', name: 'NetVolume', value: volumeM3 },
        ]);
      }
      expected.push({
        globalId: globalId.slice(1, -1),
        ifcClass: 'IfcSlab',
        name,
        storey: storeyName,
        predefinedType: 'FLOOR',
        volumeM3,
        areaM2,
        materials: syntheticMaterials.slab.map((part) => ({ name: part.name, share: part.fraction })),
        hasQto: withQuantities,
      });
    }

    for (let c = 0; c < columnsPerStorey; c++) {
      const sideM = 0.3;
      const heightM = storeyHeightM - 0.25;
      const { placement, shape } = solid({ x: c * 4, y: 5, z: 0, xDim: sideM, yDim: sideM, depth: heightM, storeyPlacement });
      const globalId = g();
      const name = `Kolom ${s}.${c}`;
      const column = add(`IFCCOLUMN(${globalId},$,'${name}',$,$,#${placement},#${shape},$,.COLUMN.)`);
      contained.push(column);
      columnIds.push(column);
      const volumeM3 = sideM * sideM * heightM;
      if (withQuantities) {
        quantitySet(column, 'Qto_ColumnBaseQuantities', [
          { kind: 'LENGTH', name: 'Length', value: heightM * k },
          { kind: 'AREA', name: 'CrossSectionArea', value: sideM * sideM },
          { kind: 'VOLUME', name: 'NetVolume', value: volumeM3 },
        ]);
      }
      expected.push({
        globalId: globalId.slice(1, -1),
        ifcClass: 'IfcColumn',
        name,
        storey: storeyName,
        predefinedType: 'COLUMN',
        volumeM3,
        areaM2: sideM * sideM,
        lengthM: heightM,
        materials: [{ name: syntheticMaterials.column, share: 1 }],
        hasQto: withQuantities,
      });
    }

    for (let b = 0; b < beamsPerStorey; b++) {
      const lengthM = 5;
      const { placement, shape } = solid({ x: b * 6, y: 3, z: storeyHeightM - 0.25, xDim: lengthM, yDim: 0.2, depth: 0.25, storeyPlacement });
      const globalId = g();
      const name = `Ligger ${s}.${b}`;
      const beam = add(`IFCBEAM(${globalId},$,'${name}',$,$,#${placement},#${shape},$,.BEAM.)`);
      contained.push(beam);
      expected.push({
        globalId: globalId.slice(1, -1),
        ifcClass: 'IfcBeam',
        name,
        storey: storeyName,
        predefinedType: 'BEAM',
        volumeM3: lengthM * 0.2 * 0.25,
        areaM2: 0.2 * 0.25,
        lengthM,
        materials: [],
        hasQto: false,
      });
    }

    if (spec.withEmptyProxy && s === 0) {
      const globalId = g();
      const proxy = add(`IFCBUILDINGELEMENTPROXY(${globalId},$,'Leeg object',$,$,$,$,$,$)`);
      contained.push(proxy);
      expected.push({ globalId: globalId.slice(1, -1), ifcClass: 'IfcBuildingElementProxy', name: 'Leeg object', storey: storeyName, volumeM3: null, areaM2: null, materials: [], hasQto: false });
    }
    if (contained.length > 0) add(`IFCRELCONTAINEDINSPATIALSTRUCTURE(${g()},$,$,$,(${contained.map((id) => `#${id}`).join(',')}),#${storey})`);
  }
  add(`IFCRELAGGREGATES(${g()},$,$,$,#${building},(${storeyIds.map((id) => `#${id}`).join(',')}))`);

  // One association per material kind, in chunks as exporters do.
  const associate = (elements: number[], material: number) => {
    for (let start = 0; start < elements.length; start += 1000) {
      const chunk = elements.slice(start, start + 1000);
      add(`IFCRELASSOCIATESMATERIAL(${g()},$,$,$,(${chunk.map((id) => `#${id}`).join(',')}),#${material})`);
    }
  };
  if (wallIdsByStorey.length) associate(wallIdsByStorey, wallUsage);
  if (slabIds.length) associate(slabIds, slabSet);
  if (columnIds.length) associate(columnIds, columnMaterial);

  const header = [
    'ISO-10303-21;',
    'HEADER;',
    "FILE_DESCRIPTION(('ViewDefinition [ReferenceView_V1.2]'),'2;1');",
    `FILE_NAME('synthetisch.ifc','2026-01-01T00:00:00',('Kringbouw'),('Kringbouw'),'Kringbouw generator','Kringbouw','');`,
    `FILE_SCHEMA(('${spec.schema ?? 'IFC4'}'));`,
    'ENDSEC;',
    'DATA;',
  ];
  const text = `${header.join('\n')}\n${lines.join('\n')}\nENDSEC;\nEND-ISO-10303-21;\n`;
  return { text, expected };
}
