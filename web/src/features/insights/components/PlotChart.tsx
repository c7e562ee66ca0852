import { useEffect, useRef, useState } from 'react';

/**
 * An Observable Plot chart drawn into a div, redrawn when its data or the available width changes. The chart is one
 * image for assistive technology (its name says where the numbers are); the table beside it carries the figures.
 */
export function PlotChart({ draw, label }: { draw(width: number): SVGSVGElement | HTMLElement; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0) return;
    const chart = draw(width);
    const image = chart instanceof SVGSVGElement ? chart : (chart.querySelector('svg') ?? chart);
    // Plot names its mark groups (<g aria-label="bar">); inside one image those names are noise, and ARIA forbids them on a <g>.
    for (const part of image.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    // Plot puts a <style> element into every chart; the site's Content-Security-Policy allows no inline style
    // elements, so its few rules live in insights.css (.insights-chart svg) and the element goes before the
    // chart is in the page, where the browser would refuse it.
    for (const style of chart.querySelectorAll('style')) style.remove();
    image.setAttribute('role', 'img');
    image.setAttribute('aria-label', label);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [draw, width, label]);

  return <div ref={container} className="insights-chart" />;
}
