// DCAT-AP.de 3.0 metadata of a wave's open data as JSON-LD (issue 8): one dcat:Dataset with its mandatory
// (title, description, publisher) and recommended properties (keyword, political geocoding of the Länder
// covered, theme, contact point, availability, spatial, temporal, distributions), and per distribution
// accessURL and licence (mandatory) plus title, modified, format, availability. Shapes: docs/dcat-shapes.ttl.
import type { State } from '../register/states.js';

export type OpenDataLicense = 'dl-de/by-2-0' | 'cc-by/4.0';

/** DCAT-AP.de licence URIs (dcat-ap.de/def/licenses) and their names. */
export const LICENSES: Readonly<Record<OpenDataLicense, { readonly uri: string; readonly name: string }>> = {
  'dl-de/by-2-0': { uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0', name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0' },
  'cc-by/4.0': { uri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', name: 'Creative Commons Namensnennung 4.0 International' },
};

export interface OpenDataDistribution {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  /** EU file type authority code: CSV, JSON. */
  readonly format: 'CSV' | 'JSON';
  readonly mediaType: 'text/csv' | 'application/json';
  readonly byteSize: number;
}

export interface DcatInput {
  readonly waveId: string;
  readonly title: string;
  readonly description: string;
  /** Where the files are downloaded from, ending in "/" (…/opendata/<wave>/). */
  readonly downloadBase: string;
  /** The public download page. */
  readonly landingPage: string;
  readonly publisher: string;
  readonly contact: { readonly name: string; readonly email?: string | undefined; readonly url?: string | undefined };
  readonly license: OpenDataLicense;
  /** ISO dates (YYYY-MM-DD) of the survey period. */
  readonly temporal: { readonly start: string; readonly end: string };
  /** ISO timestamp of the newest response that the tables rest on. */
  readonly modified: string;
  readonly states: readonly State[];
  readonly distributions: readonly OpenDataDistribution[];
}

const GEOCODING = 'http://dcat-ap.de/def/politicalGeocoding/';
const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  dcatap: 'http://data.europa.eu/r5r/',
  adms: 'http://www.w3.org/ns/adms#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
const AVAILABLE = { '@id': 'http://publications.europa.eu/resource/authority/planned-availability/AVAILABLE' };

/** The JSON-LD document (context inline, so no processor needs the network). */
export function dcatDataset(input: DcatInput): Record<string, unknown> {
  const license = LICENSES[input.license];
  const stateUris = input.states.map((state) => ({ '@id': `${GEOCODING}stateKey/${state.agsPrefix}` }));
  return {
    '@context': CONTEXT,
    '@id': `${input.downloadBase}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:title': de(input.title),
    'dct:description': de(input.description),
    'dct:identifier': `digitalmonitor-${input.waveId}`,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': input.publisher },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': input.contact.name,
      ...(input.contact.email ? { 'vcard:hasEmail': { '@id': `mailto:${input.contact.email}` } } : {}),
      ...(input.contact.url ? { 'vcard:hasURL': { '@id': input.contact.url } } : {}),
    },
    'dcat:keyword': ['Digitalisierung', 'Kommunen', 'E-Government', 'Befragung', 'Verwaltungsmodernisierung'].map(de),
    'dcat:theme': [{ '@id': 'http://publications.europa.eu/resource/authority/data-theme/GOVE' }],
    'dcatde:politicalGeocodingLevelURI': { '@id': `${GEOCODING}Level/state` },
    'dcatde:politicalGeocodingURI': stateUris,
    'dct:spatial': stateUris,
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': input.temporal.start, '@type': 'xsd:date' },
      'dcat:endDate': { '@value': input.temporal.end, '@type': 'xsd:date' },
    },
    'dct:modified': dateTime(input.modified),
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/DEU' },
    'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
    'dcat:landingPage': { '@id': input.landingPage },
    'dcatap:availability': AVAILABLE,
    'dcat:distribution': input.distributions.map((distribution) => ({
      '@id': `${input.downloadBase}${distribution.file}#distribution`,
      '@type': 'dcat:Distribution',
      'dct:title': de(distribution.title),
      'dct:description': de(distribution.description),
      'dcat:accessURL': { '@id': `${input.downloadBase}${distribution.file}` },
      'dcat:downloadURL': { '@id': `${input.downloadBase}${distribution.file}` },
      'dct:license': { '@id': license.uri },
      'dcatde:licenseAttributionByText': `${input.publisher}, ${input.title}`,
      'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${distribution.format}` },
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${distribution.mediaType}` },
      'dct:modified': dateTime(input.modified),
      'dcat:byteSize': { '@value': String(distribution.byteSize), '@type': 'xsd:nonNegativeInteger' },
      'dcatap:availability': AVAILABLE,
      'adms:status': { '@id': 'http://purl.org/adms/status/Completed' },
    })),
  };
}

function de(text: string): { '@value': string; '@language': 'de' } {
  return { '@value': text, '@language': 'de' };
}

function dateTime(iso: string): { '@value': string; '@type': 'xsd:dateTime' } {
  return { '@value': iso, '@type': 'xsd:dateTime' };
}
