import L from 'leaflet';

/**
 * Markers that are real buttons and links inside the map, so the keyboard reaches them with Tab, screen readers
 * hear their names, and Enter works as a click does. Leaflet's own marker stays out of the way: not interactive and
 * not focusable, so each marker is one stop for the keyboard.
 */
function markerOf(position: L.LatLngExpression, element: HTMLElement, diameter: number) {
  L.DomEvent.disableClickPropagation(element);
  return L.marker(position, { icon: L.divIcon({ html: element, className: 'app-map-marker', iconSize: [diameter, diameter] }), interactive: false, keyboard: false });
}

/**
 * A cluster: a round button with its count that zooms in. Zoomed in by the keyboard, the focus goes to the map,
 * from which Tab reaches what the closer view shows (the button itself is gone with the old view).
 */
export function clusterButton(map: L.Map, position: L.LatLngExpression, options: { count: number; label: string; diameter: number; colour: string; onZoom(): void }) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'app-map-cluster-button';
  button.style.background = options.colour;
  button.setAttribute('aria-label', options.label);
  button.title = options.label;
  button.textContent = String(options.count);
  button.addEventListener('click', (event) => {
    options.onZoom();
    // A click from Enter or Space has no pointer position (detail 0).
    if (event.detail === 0) map.getContainer().focus();
  });
  return markerOf(position, button, options.diameter);
}

/** Cells per side of the server's cluster grid for this map: about one per 56 pixels, so clusters rarely overlap. */
export function gridCellsFor(map: L.Map) {
  const size = map.getSize();
  return Math.min(24, Math.max(3, Math.round(Math.min(size.x, size.y) / 56)));
}

/** A report: a round link to its page, opened inside the app (or in a new tab with a modifier key). */
export function reportLink(position: L.LatLngExpression, options: { href: string; label: string; text: string; colour: string; onOpen(): void }) {
  const link = document.createElement('a');
  link.href = options.href;
  link.className = 'app-map-report-link';
  link.style.background = options.colour;
  link.setAttribute('aria-label', options.label);
  link.title = options.label;
  link.textContent = options.text;
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    options.onOpen();
  });
  return markerOf(position, link, 24);
}
