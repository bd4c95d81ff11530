// Observable Plot's charts as one labelled image for screen readers.
//
// Plot puts aria-label on every mark group (`<g aria-label="rect">`, `"x-axis tick"`, ...). On an SVG
// <g> with no role that is a prohibited ARIA attribute (axe: aria-prohibited-attr), and the labels
// name drawing primitives, which tell a listener nothing about the data. So the chart becomes one
// image (role="img") whose name says what it shows and whose description lists the marks and axes;
// the groups lose their labels (each keeps its mark's kind as data-mark).

/** Names and describes a chart drawn by Plot (an SVG, or a figure holding one) and strips its mark groups' labels. */
export function labelChart(chart: Element, fallbackName: string): void {
  const svgs = chart.matches('svg') ? [chart] : [...chart.querySelectorAll('svg')];
  // Plot draws a legend as a separate small SVG beside the chart; the chart is the one with marks.
  const main = svgs.find((svg) => svg.querySelector('g[aria-label]')) ?? svgs[0];
  if (!main) return;
  const marks: string[] = [];
  const axes: string[] = [];
  for (const group of main.querySelectorAll('g[aria-label]')) {
    const label = group.getAttribute('aria-label') ?? '';
    // An axis title ("epoch →") is worth reading, without its arrow; ticks, grids and frames are not.
    if (/axis label$/.test(label)) axes.push(...[...group.querySelectorAll('text')].map((text) => (text.textContent ?? '').replace(/[←↑→↓]/g, '').trim()).filter(Boolean));
    else if (!/axis|grid|frame/.test(label) && !marks.includes(label)) marks.push(label);
    unlabel(group);
  }
  main.setAttribute('role', 'img');
  if (!main.getAttribute('aria-label')) main.setAttribute('aria-label', fallbackName);
  if (!main.getAttribute('aria-description') && marks.length > 0) {
    main.setAttribute('aria-description', `Drawn with ${marks.join(', ')} marks${axes.length > 0 ? `; axes ${axes.join(' and ')}` : ''}.`);
  }
  // A legend's SVG stays readable as it is, only without the labels that break the rule.
  for (const group of chart.querySelectorAll('g[aria-label]')) unlabel(group);
}

// The mark's kind stays on the group as data-mark ("line", "dot"), for styles and tests; only the ARIA label goes.
function unlabel(group: Element): void {
  group.setAttribute('data-mark', group.getAttribute('aria-label') ?? '');
  group.removeAttribute('aria-label');
}
