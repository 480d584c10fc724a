// A choropleth of the 16 Länder (issue 5 "Map"): spec → SVG, drawn by Observable Plot's geo mark on
// linkedom's server-side document, projected with d3-geo (Lambert conformal conic, as BKG maps Germany).
// The boundaries are the committed, simplified TopoJSON (map/laender-topology.ts). Deterministic.
import * as Plot from '@observablehq/plot';
import { geoConicConformal } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { parseHTML } from 'linkedom';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { LAENDER_TOPOLOGY } from '../map/laender-topology.js';
import { accessibleSvg } from './accessible-svg.js';

export interface LandValue {
  /** Two-letter Land code (SH … TH), the feature id of the topology. */
  readonly code: string;
  readonly name: string;
  /** Share 0…1; undefined: suppressed or no answers (grey). */
  readonly share: number | undefined;
}

export interface MapSpec {
  /** Stable id (golden file name), e.g. "karte-1". */
  readonly id: string;
  /** Text alternative of the map (the table beneath is the full alternative). */
  readonly alt: string;
  /** Legend title, e.g. "Rücklaufquote (%)". */
  readonly legend: string;
  readonly values: readonly LandValue[];
}

/** Five classes of colorbrewer Blues (schemeBlues[5]); grey for Länder without a value. Same colours in report-css.ts (.m0….m4, .mna). */
export const MAP_COLORS: readonly string[] = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const NO_VALUE_FILL = '#d9d9d9';
const WIDTH = 420;
const HEIGHT = 520;

const LAENDER = feature(LAENDER_TOPOLOGY, LAENDER_TOPOLOGY.objects['laender'] as GeometryCollection) as FeatureCollection;

/** Upper end of the colour scale in percent: the largest value rounded up to a multiple of 5 (≥ 5). */
export function mapDomainMax(spec: MapSpec): number {
  const max = Math.max(0, ...spec.values.flatMap((value) => (value.share === undefined ? [] : [value.share * 100])));
  return Math.max(5, Math.ceil(max / 5) * 5);
}

export function laenderMapSvg(spec: MapSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const byCode = new Map(spec.values.map((value) => [value.code, value]));
  const percent = (land: Feature) => {
    const share = byCode.get(String(land.id))?.share;
    return share === undefined ? undefined : share * 100;
  };
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: WIDTH,
    height: HEIGHT,
    margin: 4,
    className: `map-${spec.id}`,
    ariaLabel: spec.alt,
    projection: ({ width, height }: { width: number; height: number }) =>
      geoConicConformal().rotate([-10.5, 0]).parallels([48.67, 53.67]).fitSize([width, height], LAENDER),
    color: { type: 'quantize', range: [...MAP_COLORS], domain: [0, mapDomainMax(spec)], unknown: NO_VALUE_FILL },
    marks: [
      Plot.geo(LAENDER.features, { fill: (land: Feature) => percent(land) ?? NaN, stroke: 'white', strokeWidth: 0.75 }),
      Plot.geo(LAENDER.features, { stroke: '#555', strokeWidth: 0.4 }),
    ],
  }) as unknown as Element;
  return accessibleSvg(svg.outerHTML, spec.alt);
}
