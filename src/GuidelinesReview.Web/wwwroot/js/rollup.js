// Bar charts on the rollup page. Each canvas carries its data (labels, counts) in data-chart;
// the same numbers are in the table next to it, which is what screen readers use.
(() => {
  if (typeof Chart === 'undefined') return; // the tables still show every number
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const { labels, counts } = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
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
})();
