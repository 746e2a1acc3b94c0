import type { MembershipRole, OrganisationKind } from '@kringbouw/domain/organisations';
import type { BuildingType, PartyRole, ProjectKind, ProjectPhase, Visibility } from '@kringbouw/domain/projects';

/** Shared password of every demo account (documented in src/demo/README.md); never use demo data in production. */
export const demoPassword = 'kringbouw-demo';

interface DemoOrganisation {
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  municipalityCode: string | null;
  cityDealSignatory: boolean;
}

const gemeente = (name: string, code: string): DemoOrganisation => ({
  name: `Gemeente ${name}`,
  shortName: name,
  kind: 'gemeente',
  municipalityCode: code,
  cityDealSignatory: true,
});
const party = (name: string, kind: OrganisationKind, shortName: string | null = null): DemoOrganisation => ({
  name,
  shortName,
  kind,
  municipalityCode: null,
  cityDealSignatory: true,
});

/**
 * The 39 parties of the City Deal Circulair en Conceptueel Bouwen (Deel 1: Partijen), numbered as in the deal,
 * then two clearly marked example organisations the deal does not name (a corporation and a tenants' organisation).
 */
export const demoOrganisations: DemoOrganisation[] = [
  gemeente('Leiden', 'GM0546'), // 1
  gemeente('Den Haag', 'GM0518'), // 2
  gemeente('Almere', 'GM0034'), // 3
  gemeente('Utrecht', 'GM0344'), // 4
  gemeente('Leeuwarden', 'GM0080'), // 5
  gemeente('Nijmegen', 'GM0268'), // 6
  gemeente('Amersfoort', 'GM0307'), // 7
  gemeente('Dordrecht', 'GM0505'), // 8
  party('Provincie Zuid-Holland', 'provincie', 'Zuid-Holland'), // 9
  party('Provincie Noord-Holland', 'provincie', 'Noord-Holland'), // 10
  party('Provincie Flevoland', 'provincie', 'Flevoland'), // 11
  party('Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', 'rijk', 'BZK'), // 12
  party('Ministerie van Infrastructuur en Waterstaat', 'rijk', 'IenW'), // 13
  party('Ministerie van Landbouw, Natuur en Voedselkwaliteit', 'rijk', 'LNV'), // 14
  party('Dura Vermeer Divisie Bouw en Vastgoed', 'bouwer', 'Dura Vermeer'), // 15
  party('Van Wijnen', 'bouwer'), // 16
  party('Bouwfonds Property Development', 'ontwikkelaar', 'BPD'), // 17
  party('ASN Bank', 'financier'), // 18
  party('Madaster Services Netherlands B.V.', 'adviseur', 'Madaster'), // 19 (material passport platform)
  party('Sustainer Homes B.V.', 'bouwer', 'Sustainer Homes'), // 20
  party('Sweco Nederland B.V.', 'adviseur', 'Sweco'), // 21
  party('ITMOOS', 'adviseur', 'Itmoos'), // 22
  party('New Horizon Urban Mining', 'leverancier', 'New Horizon'), // 23 (harvested building materials)
  party('UC Architects B.V.', 'adviseur', 'Urban Climate Architects'), // 24
  party('Finch Buildings', 'bouwer'), // 25
  party('Cepezed projects B.V.', 'ontwikkelaar', 'cepezed projects'), // 26
  party('Rc Panels B.V.', 'leverancier', 'Rc Panels'), // 27
  party('Universiteit Utrecht, Urban Future Studio', 'kennisinstelling', 'UU Urban Future Studio'), // 28
  party('Hogeschool van Amsterdam', 'kennisinstelling', 'HvA'), // 29
  party('Hogeschool Utrecht', 'kennisinstelling', 'HU'), // 30
  party('The Green Village, TU Delft', 'kennisinstelling', 'TU Delft'), // 31
  party('Platform31', 'netwerkorganisatie'), // 32
  party('Cirkelstad', 'netwerkorganisatie'), // 33
  party('De Bouwcampus', 'netwerkorganisatie'), // 34
  party('Stichting C-creators', 'netwerkorganisatie', 'C-creators'), // 35
  party('iCircl', 'netwerkorganisatie'), // 36
  party('Netwerk Conceptueel Bouwen', 'netwerkorganisatie'), // 37
  party('Holland Houtland', 'netwerkorganisatie'), // 38
  party('Aedes', 'netwerkorganisatie'), // 39 (association of housing corporations)
  {
    name: 'Voorbeeldcorporatie Leiden (demo)',
    shortName: 'Voorbeeldcorporatie',
    kind: 'woningcorporatie',
    municipalityCode: null,
    cityDealSignatory: false,
  },
  {
    name: 'Voorbeeld Huurdersorganisatie Leiden (demo)',
    shortName: 'Voorbeeld Huurders',
    kind: 'huurdersorganisatie',
    municipalityCode: null,
    cityDealSignatory: false,
  },
];

interface DemoUser {
  email: string;
  name: string;
  coordinator?: true;
  memberships: { organisation: string; role: MembershipRole }[];
}

export const demoUsers: DemoUser[] = [
  { email: 'coordinator@citydeal.demo', name: 'Coördinatieteam City Deal (demo)', coordinator: true, memberships: [] },
  { email: 'beheer@leiden.demo', name: 'Beheerder Gemeente Leiden (demo)', memberships: [{ organisation: 'Gemeente Leiden', role: 'beheerder' }] },
  { email: 'beleid@leiden.demo', name: 'Beleidsmedewerker Leiden (demo)', memberships: [{ organisation: 'Gemeente Leiden', role: 'bewerker' }] },
  { email: 'lezer@leiden.demo', name: 'Lezer Gemeente Leiden (demo)', memberships: [{ organisation: 'Gemeente Leiden', role: 'lezer' }] },
  { email: 'beleid@utrecht.demo', name: 'Beleidsmedewerker Utrecht (demo)', memberships: [{ organisation: 'Gemeente Utrecht', role: 'bewerker' }] },
  {
    email: 'corporatie@leiden.demo',
    name: 'Assetmanager Voorbeeldcorporatie (demo)',
    memberships: [{ organisation: 'Voorbeeldcorporatie Leiden (demo)', role: 'beheerder' }],
  },
  {
    email: 'huurders@leiden.demo',
    name: 'Bestuurslid Huurdersorganisatie (demo)',
    memberships: [{ organisation: 'Voorbeeld Huurdersorganisatie Leiden (demo)', role: 'bewerker' }],
  },
  { email: 'bouwer@vanwijnen.demo', name: 'Duurzaamheidsadviseur Van Wijnen (demo)', memberships: [{ organisation: 'Van Wijnen', role: 'bewerker' }] },
  {
    email: 'provincie@zuid-holland.demo',
    name: 'Beleidsadviseur Provincie Zuid-Holland (demo)',
    memberships: [{ organisation: 'Provincie Zuid-Holland', role: 'lezer' }],
  },
  {
    email: 'onderzoek@uu.demo',
    name: 'Onderzoeker Urban Future Studio (demo)',
    memberships: [{ organisation: 'Universiteit Utrecht, Urban Future Studio', role: 'lezer' }],
  },
];

interface DemoProject {
  name: string;
  description: string;
  municipalityCode: string;
  location: { lat: number; lon: number };
  kind: ProjectKind;
  phase: ProjectPhase;
  dwellings: number;
  buildingType: BuildingType;
  concept: { name: string; supplier: string | null } | null;
  owner: string;
  parties: { organisation: string; role: PartyRole }[];
  visibility: Visibility;
}

const exampleNote =
  'Voorbeeldproject (demo): verzonnen om Kringbouw te laten zien. Er zijn bewust geen indicatoren of meetresultaten ingevuld.';

/**
 * Example projects in City Deal cities, with construction concepts the deal names. Locations are the city centres
 * (approximate); dwelling counts are round example numbers; there are no indicator figures at all.
 */
export const demoProjects: DemoProject[] = [
  {
    name: 'Voorbeeld: Fijn Wonen in Leiden',
    description: `Grondgebonden sociale huurwoningen met het industriële woonconcept Fijn Wonen. ${exampleNote}`,
    municipalityCode: 'GM0546',
    location: { lat: 52.1601, lon: 4.497 },
    kind: 'nieuwbouw',
    phase: 'ontwerp',
    dwellings: 60,
    buildingType: 'grondgebonden',
    concept: { name: 'Fijn Wonen', supplier: 'Van Wijnen' },
    owner: 'Voorbeeldcorporatie Leiden (demo)',
    parties: [
      { organisation: 'Voorbeeldcorporatie Leiden (demo)', role: 'opdrachtgever' },
      { organisation: 'Gemeente Leiden', role: 'gemeente' },
      { organisation: 'Van Wijnen', role: 'bouwer' },
      { organisation: 'Voorbeeld Huurdersorganisatie Leiden (demo)', role: 'huurdersorganisatie' },
    ],
    visibility: 'openbaar',
  },
  {
    name: 'Voorbeeld: Finch Buildings in Utrecht',
    description: `Gestapelde woningen uit houten modules van Finch Buildings. ${exampleNote}`,
    municipalityCode: 'GM0344',
    location: { lat: 52.0907, lon: 5.1214 },
    kind: 'nieuwbouw',
    phase: 'initiatief',
    dwellings: 80,
    buildingType: 'gestapeld',
    concept: { name: 'Finch Buildings', supplier: 'Finch Buildings' },
    owner: 'Gemeente Utrecht',
    parties: [
      { organisation: 'Gemeente Utrecht', role: 'gemeente' },
      { organisation: 'Finch Buildings', role: 'bouwer' },
    ],
    visibility: 'openbaar',
  },
  {
    name: 'Voorbeeld: SustainerHomes in Almere',
    description: `Grondgebonden woningen met het SustainerHomes-concept. ${exampleNote}`,
    municipalityCode: 'GM0034',
    location: { lat: 52.3508, lon: 5.2647 },
    kind: 'nieuwbouw',
    phase: 'initiatief',
    dwellings: 50,
    buildingType: 'grondgebonden',
    concept: { name: 'SustainerHomes', supplier: 'Sustainer Homes B.V.' },
    owner: 'Gemeente Almere',
    parties: [
      { organisation: 'Gemeente Almere', role: 'gemeente' },
      { organisation: 'Sustainer Homes B.V.', role: 'bouwer' },
    ],
    visibility: 'openbaar',
  },
  {
    name: 'Voorbeeld: optoppen met Rc Panels in Den Haag',
    description: `Optopping van een portiekflat met prefab gevelpanelen van Rc Panels. ${exampleNote}`,
    municipalityCode: 'GM0518',
    location: { lat: 52.0705, lon: 4.3007 },
    kind: 'optopping',
    phase: 'ontwerp',
    dwellings: 24,
    buildingType: 'gestapeld',
    concept: { name: 'Rc Panels gevelpanelen', supplier: 'Rc Panels B.V.' },
    owner: 'Gemeente Den Haag',
    parties: [
      { organisation: 'Gemeente Den Haag', role: 'gemeente' },
      { organisation: 'Rc Panels B.V.', role: 'adviseur' },
    ],
    visibility: 'openbaar',
  },
  {
    name: 'Voorbeeld: kantoortransformatie in Nijmegen',
    description: `Transformatie van een leegstaand kantoor naar woningen, met hergebruik van materialen uit de strip. ${exampleNote}`,
    municipalityCode: 'GM0268',
    location: { lat: 51.8426, lon: 5.8528 },
    kind: 'transformatie',
    phase: 'realisatie',
    dwellings: 70,
    buildingType: 'gestapeld',
    concept: null,
    owner: 'Gemeente Nijmegen',
    parties: [
      { organisation: 'Gemeente Nijmegen', role: 'gemeente' },
      { organisation: 'New Horizon Urban Mining', role: 'adviseur' },
    ],
    visibility: 'openbaar',
  },
  {
    name: 'Voorbeeld: splitsen en optoppen in Amersfoort',
    description: `Grote eengezinswoningen gesplitst en opgetopt tot kleinere woningen. ${exampleNote}`,
    municipalityCode: 'GM0307',
    location: { lat: 52.1561, lon: 5.3878 },
    kind: 'splitsing',
    phase: 'initiatief',
    dwellings: 12,
    buildingType: 'grondgebonden',
    concept: null,
    owner: 'Gemeente Amersfoort',
    parties: [{ organisation: 'Gemeente Amersfoort', role: 'gemeente' }],
    visibility: 'openbaar',
  },
  {
    name: 'Voorbeeld: vertrouwelijke verkenning Leiden',
    description: `Vertrouwelijke verkenning van een corporatie met haar huurders en een bouwer; alleen zichtbaar voor de betrokken partijen en het coördinatieteam. ${exampleNote}`,
    municipalityCode: 'GM0546',
    location: { lat: 52.1664, lon: 4.4806 },
    kind: 'renovatie',
    phase: 'initiatief',
    dwellings: 120,
    buildingType: 'gestapeld',
    concept: null,
    owner: 'Voorbeeldcorporatie Leiden (demo)',
    parties: [
      { organisation: 'Voorbeeldcorporatie Leiden (demo)', role: 'opdrachtgever' },
      { organisation: 'Voorbeeld Huurdersorganisatie Leiden (demo)', role: 'huurdersorganisatie' },
      { organisation: 'Dura Vermeer Divisie Bouw en Vastgoed', role: 'bouwer' },
    ],
    visibility: 'vertrouwelijk',
  },
];
