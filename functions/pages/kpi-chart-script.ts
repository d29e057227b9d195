/**
 * The page's own script (allowed by its hash, like uPlot): draws one uPlot chart per entry of the page's JSON data
 * (`#kpi-data`). Periods are categories (x = 0..n-1, labelled by the period's label); a null value is a gap, never 0;
 * a target is a dashed line across the plot. Plain browser JavaScript, no build step; redrawn at the container's
 * width when the window resizes (phones, rotation).
 */
export const KPI_CHART_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kpi-data').textContent);
  var labels = data.labels;
  var n = labels.length;
  var xs = labels.map(function (_, i) { return i; });
  var HEIGHT = 220;
  var charts = [];
  function xSplits(u) {
    var fit = Math.max(1, Math.floor(u.width / 76));
    var step = Math.max(1, Math.ceil(n / fit));
    var out = [];
    for (var i = 0; i < n; i += step) out.push(i);
    return out;
  }
  function formatter(chart) {
    return function (v) {
      if (v == null) return '';
      return chart.unit === 'percent' ? Math.round(v) + '%' : (Math.round(v * 10) / 10) + ' ' + data.hoursUnit;
    };
  }
  function drawTarget(chart) {
    return function (u) {
      if (chart.target == null) return;
      var ctx = u.ctx;
      var y = Math.round(u.valToPos(chart.target, 'y', true));
      var dpr = window.devicePixelRatio || 1;
      ctx.save();
      ctx.strokeStyle = '#52606d';
      ctx.lineWidth = 2 * dpr;
      ctx.setLineDash([6 * dpr, 4 * dpr]);
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
      ctx.stroke();
      ctx.restore();
    };
  }
  data.charts.forEach(function (chart) {
    var el = document.getElementById(chart.id);
    var format = formatter(chart);
    var opts = {
      width: el.clientWidth,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: function () { return [-0.5, n - 0.5]; } },
        y: { range: function () { return [0, chart.yMax]; } }
      },
      axes: [
        {
          stroke: '#3e4c59',
          grid: { show: false },
          ticks: { show: false },
          splits: xSplits,
          values: function (u, splits) { return splits.map(function (i) { return labels[i] || ''; }); }
        },
        {
          stroke: '#3e4c59',
          size: 60,
          grid: { stroke: '#e4e7eb', width: 1 },
          values: function (u, splits) { return splits.map(format); }
        }
      ],
      series: [{}].concat(chart.series.map(function (s) {
        return { label: s.label, stroke: s.color, width: 2, spanGaps: false, points: { show: true, size: 8, fill: s.color, stroke: s.color } };
      })),
      hooks: {
        draw: [drawTarget(chart)],
        ready: [function () { el.setAttribute('data-drawn', 'true'); }]
      }
    };
    var series = [xs].concat(chart.series.map(function (s) { return s.values; }));
    charts.push({ plot: new uPlot(opts, series, el), el: el });
  });
  var pending = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      charts.forEach(function (c) { c.plot.setSize({ width: c.el.clientWidth, height: HEIGHT }); });
    });
  });
})();`;
