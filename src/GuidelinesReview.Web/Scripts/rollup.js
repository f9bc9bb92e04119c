// @ts-check
// Bar charts on the rollup page. Each canvas carries its data (labels, counts) in data-chart;
// the same numbers are in the table next to it, which is what screen readers use.
// Only the parts of Chart.js a horizontal bar chart needs are bundled.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  /** @type {{ labels: string[], counts: number[] }} */
  const { labels, counts } = JSON.parse(/** @type {HTMLCanvasElement} */ (canvas).dataset.chart || '{}');
  new Chart(/** @type {HTMLCanvasElement} */ (canvas), {
    type: 'bar',
    data: { labels, datasets: [{ data: counts, backgroundColor: '#0b5394', borderWidth: 0 }] },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 300 },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}
