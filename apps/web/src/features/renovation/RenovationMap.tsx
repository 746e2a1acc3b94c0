/**
 * Where renovation happens: the municipality boundary, the plan areas (outlines drawn from the stock-list
 * buildings) filled by number of dwellings, and designated neighbourhoods outlined in their theme's colour.
 * No basemap or glyph server is reachable, so labels are popups, as on the kansenkaart.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { RenovationOverview } from '@kringbouw/contracts';
import type { MunicipalityBoundary } from '../kansenkaart/api.ts';
import { boundsOf } from '../kansenkaart/StockMap.tsx';
import { areaColourExpression, mapFeatures } from './chart-data.ts';

setWorkerUrl(workerUrl);

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };
const NETHERLANDS: [[number, number], [number, number]] = [
  [3.3, 50.75],
  [7.23, 53.55],
];

export function RenovationMap({ overview, boundary }: { overview: RenovationOverview | undefined; boundary: MunicipalityBoundary | undefined }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef<Promise<MapLibreMap> | null>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new MapLibreMap({
      container: element,
      style: {
        version: 8,
        sources: { boundary: { type: 'geojson', data: emptyCollection }, areas: { type: 'geojson', data: emptyCollection }, designations: { type: 'geojson', data: emptyCollection } },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#eef1f3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#01689b', 'line-width': 2, 'line-dasharray': [3, 2] } },
          { id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': '#6baed6', 'fill-opacity': 0.75 } },
          { id: 'areas-line', type: 'line', source: 'areas', paint: { 'line-color': '#08306b', 'line-width': 1 } },
          { id: 'designations-line', type: 'line', source: 'designations', paint: { 'line-color': ['get', 'colour'], 'line-width': 4, 'line-dasharray': [2, 1] } },
        ],
      },
      bounds: NETHERLANDS,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: true, customAttribution: '3D BAG (TU Delft) · BAG (Kadaster) · CBS — CC BY 4.0' }));
    loaded.current = new Promise((resolve) => map.on('load', () => resolve(map)));

    const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'kk-popup', offset: 8 });
    const hover = (event: MapLayerMouseEvent) => {
      map.getCanvas().style.cursor = 'pointer';
      const properties = event.features?.[0]?.properties;
      if (!properties) return;
      const text =
        typeof properties.total === 'number'
          ? tRef.current('renovation.map.areaPopup', { name: properties.name, total: properties.total, year: properties.peakYear })
          : tRef.current('renovation.map.designationPopup', { buurt: properties.buurt, category: tRef.current(`renovation.category.${String(properties.category)}`) });
      popup.setLngLat(event.lngLat).setText(text).addTo(map);
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
      popup.remove();
    };
    for (const layer of ['areas-fill', 'designations-line']) {
      map.on('mousemove', layer, hover);
      map.on('mouseleave', layer, leave);
    }
    return () => {
      map.remove();
      mapRef.current = null;
      loaded.current = null;
    };
  }, []);

  useEffect(() => {
    if (!overview) return;
    void loaded.current?.then((map) => {
      const { areas, designations } = mapFeatures(overview);
      map.getSource<GeoJSONSource>('areas')?.setData(areas);
      map.getSource<GeoJSONSource>('designations')?.setData(designations);
      const maxTotal = Math.max(0, ...overview.areas.map((a) => a.total));
      map.setPaintProperty('areas-fill', 'fill-color', areaColourExpression(maxTotal) as never);
      // Without a municipality boundary, look at what there is.
      const bounds = boundsOf([areas.features.map((f) => f.geometry), designations.features.map((f) => f.geometry)]);
      if (!boundary && bounds) map.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 16 });
    });
  }, [overview, boundary]);

  useEffect(() => {
    if (!boundary) return;
    void loaded.current?.then((map) => {
      map.getSource<GeoJSONSource>('boundary')?.setData({ type: 'FeatureCollection', features: boundary.features });
      const bounds = boundsOf(boundary.features);
      if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0 });
    });
  }, [boundary]);

  const onMap = overview ? overview.areas.filter((a) => a.outline !== null).length : 0;
  const designated = overview ? overview.designations.filter((d) => d.outline !== null).length : 0;
  return (
    <div className="rn-map-wrap">
      <div ref={container} className="kk-map rn-map" role="region" aria-label={t('renovation.map.label')} data-testid="renovation-map" />
      <p className="muted" role="status" data-testid="renovation-map-status" data-areas={onMap} data-designations={designated}>
        {t('renovation.map.status', { areas: onMap, designations: designated })}
      </p>
    </div>
  );
}
