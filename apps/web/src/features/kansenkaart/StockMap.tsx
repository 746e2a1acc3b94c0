/**
 * The opportunity map: MapLibre GL on a plain background (no basemap or glyph server is reachable), the
 * municipality boundary and the buildings the stock API serves for the current view. The server decides the
 * level of detail (simplified footprints, centroids or grid clusters); the map refetches after each move.
 * Labels are HTML (markers and popups), never symbol layers, because there are no glyphs.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributionControl, Map as MapLibreMap, Marker, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { StockBboxResponse } from '@kringbouw/contracts';
import { formatInteger } from '../../lib/format.ts';
import { fetchBuildingsInView, type MunicipalityBoundary } from './api.ts';
import { scoreColourExpression } from './colour-scale.ts';
import type { KansenkaartView } from './view-state.ts';

setWorkerUrl(workerUrl);

/** Wait this long after the last move before asking the server, so a pan is one request, not twenty. */
const REFETCH_DEBOUNCE_MS = 250;
/** The Netherlands, until a municipality boundary is known. */
const NETHERLANDS: [[number, number], [number, number]] = [
  [3.3, 50.75],
  [7.23, 53.55],
];

export interface MapStatus {
  state: 'loading' | 'ready' | 'error';
  mode: StockBboxResponse['mode'] | null;
  total: number;
  /** Features drawn (clusters count as one each). */
  features: number;
}

interface Props {
  view: KansenkaartView;
  boundary: MunicipalityBoundary | undefined;
  /** Centre of the open building: the map moves there, close enough to see its footprint. */
  focus: readonly [number, number] | undefined;
  onSelect: (bagId: string) => void;
  onStatus: (status: MapStatus) => void;
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

/** The outer box of every coordinate in a GeoJSON value. */
export function boundsOf(value: unknown): [[number, number], [number, number]] | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const visit = (node: unknown): void => {
    if (!Array.isArray(node)) {
      if (node && typeof node === 'object') for (const child of Object.values(node)) visit(child);
      return;
    }
    if (node.length >= 2 && typeof node[0] === 'number' && typeof node[1] === 'number') {
      minLon = Math.min(minLon, node[0]);
      maxLon = Math.max(maxLon, node[0]);
      minLat = Math.min(minLat, node[1]);
      maxLat = Math.max(maxLat, node[1]);
      return;
    }
    for (const child of node) visit(child);
  };
  visit(value);
  return Number.isFinite(minLon) ? [[minLon, minLat], [maxLon, maxLat]] : null;
}

export function StockMap({ view, boundary, focus, onSelect, onStatus }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const viewRef = useRef(view);
  const callbacks = useRef({ onSelect, onStatus, t });
  const refreshRef = useRef<() => void>(() => undefined);
  const loadedRef = useRef(false);
  useEffect(() => {
    callbacks.current = { onSelect, onStatus, t };
  });

  // The map is created once; everything that changes later reaches it through refs and effects below.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new MapLibreMap({
      container: element,
      style: {
        version: 8,
        sources: {
          boundary: { type: 'geojson', data: emptyCollection },
          buildings: { type: 'geojson', data: emptyCollection },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#eef1f3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#01689b', 'line-width': 2, 'line-dasharray': [3, 2] } },
          {
            id: 'buildings-fill',
            type: 'fill',
            source: 'buildings',
            filter: ['==', ['geometry-type'], 'Polygon'],
            paint: { 'fill-color': scoreColourExpression('score'), 'fill-opacity': 0.9 },
          },
          {
            id: 'buildings-outline',
            type: 'line',
            source: 'buildings',
            filter: ['==', ['geometry-type'], 'Polygon'],
            paint: { 'line-color': '#5b4a3a', 'line-width': 0.5, 'line-opacity': 0.7 },
          },
          {
            id: 'buildings-points',
            type: 'circle',
            source: 'buildings',
            filter: ['all', ['==', ['geometry-type'], 'Point'], ['!', ['has', 'count']]],
            paint: {
              'circle-color': scoreColourExpression('score'),
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2, 14, 4],
              'circle-stroke-color': '#5b4a3a',
              'circle-stroke-width': 0.5,
            },
          },
          {
            id: 'buildings-clusters',
            type: 'circle',
            source: 'buildings',
            filter: ['has', 'count'],
            paint: {
              'circle-color': scoreColourExpression('meanScore'),
              'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 8, 100, 34],
              'circle-stroke-color': '#5b4a3a',
              'circle-stroke-width': 1,
              'circle-opacity': 0.85,
            },
          },
          {
            id: 'buildings-selected',
            type: 'line',
            source: 'buildings',
            filter: ['==', ['get', 'bagId'], ''],
            paint: { 'line-color': '#01689b', 'line-width': 3 },
          },
        ],
      },
      bounds: NETHERLANDS,
      attributionControl: false,
      // Keeps the canvas readable for the e2e check and for screenshots of the map.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: true, customAttribution: '3D BAG (TU Delft) · BAG (Kadaster) · CBS — CC BY 4.0' }));

    let timer: number | undefined;
    let controller: AbortController | null = null;
    let markers: Marker[] = [];
    const clearMarkers = () => {
      for (const marker of markers) marker.remove();
      markers = [];
    };

    const refresh = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      const bounds = map.getBounds();
      const bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] as const;
      callbacks.current.onStatus({ state: 'loading', mode: null, total: 0, features: 0 });
      fetchBuildingsInView(viewRef.current, bbox, map.getZoom(), current.signal)
        .then((data) => {
          if (current.signal.aborted) return;
          const source = map.getSource<GeoJSONSource>('buildings');
          source?.setData({ type: 'FeatureCollection', features: data.features });
          clearMarkers();
          if (data.mode === 'clusters') {
            // Counts as HTML: the style has no glyphs for text layers.
            for (const feature of data.features) {
              const count = feature.properties.count;
              if (typeof count !== 'number' || feature.geometry.type !== 'Point') continue;
              const label = document.createElement('span');
              label.className = 'kk-cluster-label';
              label.textContent = formatInteger(count);
              markers.push(new Marker({ element: label }).setLngLat(feature.geometry.coordinates).addTo(map));
            }
          }
          callbacks.current.onStatus({ state: 'ready', mode: data.mode, total: data.total, features: data.features.length });
        })
        .catch((error: unknown) => {
          if (current.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
          callbacks.current.onStatus({ state: 'error', mode: null, total: 0, features: 0 });
        });
    };
    refreshRef.current = refresh;
    const scheduleRefresh = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, REFETCH_DEBOUNCE_MS);
    };

    map.on('load', () => {
      loadedRef.current = true;
      map.on('moveend', scheduleRefresh);
      scheduleRefresh();
    });

    const select = (event: MapLayerMouseEvent) => {
      const bagId = event.features?.[0]?.properties.bagId;
      if (typeof bagId === 'string') callbacks.current.onSelect(bagId);
    };
    map.on('click', 'buildings-fill', select);
    map.on('click', 'buildings-points', select);
    map.on('click', 'buildings-clusters', (event) => {
      map.easeTo({ center: event.lngLat, zoom: Math.min(map.getZoom() + 2, 18) });
    });

    const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'kk-popup', offset: 8 });
    const hover = (event: MapLayerMouseEvent) => {
      map.getCanvas().style.cursor = 'pointer';
      const properties = event.features?.[0]?.properties;
      if (!properties) return;
      const { t: translate } = callbacks.current;
      const text =
        typeof properties.count === 'number'
          ? translate('kansenkaart.map.clusterPopup', { count: properties.count, mean: properties.meanScore, max: properties.maxScore })
          : translate('kansenkaart.map.buildingPopup', {
              bagId: properties.bagId,
              score: properties.score,
              year: properties.buildYear ?? translate('kansenkaart.unknown'),
            });
      popup.setLngLat(event.lngLat).setText(text).addTo(map);
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
      popup.remove();
    };
    for (const layer of ['buildings-fill', 'buildings-points', 'buildings-clusters']) {
      map.on('mousemove', layer, hover);
      map.on('mouseleave', layer, leave);
    }

    return () => {
      window.clearTimeout(timer);
      controller?.abort();
      clearMarkers();
      map.remove();
      mapRef.current = null;
      loadedRef.current = false;
    };
  }, []);

  // Filters changed: refetch at once for the same view (selecting a building is not a filter change).
  const filterKey = [view.kind, view.minScore, view.buildYearFrom, view.buildYearTo, view.listId].join('|');
  useEffect(() => {
    viewRef.current = view;
  });
  useEffect(() => {
    if (loadedRef.current) refreshRef.current();
  }, [filterKey]);

  // Highlight the open building.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => map.setFilter('buildings-selected', ['==', ['get', 'bagId'], view.bagId ?? '']);
    if (loadedRef.current) apply();
    else map.once('load', apply);
  }, [view.bagId]);

  const focusRef = useRef(focus);
  const focusKey = focus ? `${focus[0]},${focus[1]}` : '';
  useEffect(() => {
    focusRef.current = focus;
    const map = mapRef.current;
    if (!map || !focus) return;
    const apply = () => {
      const bounds = map.getBounds();
      if (map.getZoom() >= 16 && bounds.contains([focus[0], focus[1]])) return;
      map.easeTo({ center: [focus[0], focus[1]], zoom: Math.max(map.getZoom(), 16.5), duration: 600 });
    };
    if (loadedRef.current) apply();
    else map.once('load', apply);
    // focusKey stands for focus: a new array with the same coordinates is not a new place.
  }, [focusKey]);

  // A new municipality: draw its boundary and fit the view to it.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !boundary) return;
    const apply = () => {
      map.getSource<GeoJSONSource>('boundary')?.setData({ type: 'FeatureCollection', features: boundary.features });
      const bounds = boundsOf(boundary.features);
      // With a building open (a shared link), the focus effect decides where to look.
      if (bounds && !focusRef.current) map.fitBounds(bounds, { padding: 24, duration: 0 });
    };
    if (loadedRef.current) apply();
    else map.once('load', apply);
  }, [boundary]);

  return <div ref={container} className="kk-map" role="region" aria-label={t('kansenkaart.map.label')} data-testid="kansenkaart-map" />;
}
