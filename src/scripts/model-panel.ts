/**
 * Keeps a model panel's first figure in view on a narrow screen (ModelPanel.astro). There the
 * figure's caption and tools sit above its chart, and the figure sticks with its top that far
 * above the screen's edge, so only the chart stays pinned while the reader works the knobs and
 * the panel below it. This measures how far that is, whenever either changes size; the CSS
 * does the rest (site.css, "pinned"). On a wide screen the whole figure sticks beside the
 * column and this offset is not used.
 */
const measured = new ResizeObserver((entries) => {
  for (const e of entries) {
    const figure = e.target.closest<HTMLElement>('model-figure');
    const chart = figure?.querySelector<HTMLElement>('.chart');
    if (!figure || !chart) continue;
    const offset = Math.max(0, figure.getBoundingClientRect().height - chart.getBoundingClientRect().height);
    figure.style.setProperty('--pin-offset', `${offset}px`);
    figure.dataset['pinned'] = '';
  }
});

for (const panel of document.querySelectorAll<HTMLElement>('.model-panel')) {
  const figure = panel.querySelector<HTMLElement>(':scope > model-figure');
  const chart = figure?.querySelector<HTMLElement>('.chart');
  if (!figure || !chart) continue;
  measured.observe(figure);
  measured.observe(chart);
}
