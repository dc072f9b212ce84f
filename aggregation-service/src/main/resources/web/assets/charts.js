/* Charts with ECharts (from its WebJar): the data comes in the page's data attributes, never in an inline script. */
(function () {
  'use strict';
  var main = document.getElementById('charts');
  var headline = JSON.parse(main.dataset.headline || '[]');
  var completeness = JSON.parse(main.dataset.completeness || '[]');
  function num(v) { return v === null || v === undefined ? null : Number(v); }
  var years = headline.map(function (h) { return String(h.year); });
  function series(name, key, type, stack) {
    return { name: name, type: type, stack: stack, data: headline.map(function (h) { return num(h[key]); }) };
  }
  echarts.init(document.getElementById('chart-requests')).setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: years }, yAxis: { type: 'value' },
    series: [series('新收申请', 'received', 'line'), series('予以公开及部分公开', 'disclosed', 'bar', 'r'),
      series('不予公开', 'withheld', 'bar', 'r'), series('无法提供', 'unavailable', 'bar', 'r'),
      series('其他办理结果', 'otherResults', 'bar', 'r')]
  });
  echarts.init(document.getElementById('chart-appeals')).setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: years }, yAxis: { type: 'value' },
    series: [series('行政复议', 'reconsiderations', 'bar'), series('行政诉讼', 'lawsuits', 'bar')]
  });
  echarts.init(document.getElementById('chart-completeness')).setOption({
    tooltip: { trigger: 'axis' }, legend: {},
    xAxis: { type: 'category', data: completeness.map(function (c) { return c.unit; }) }, yAxis: { type: 'value' },
    series: [
      { name: '已通过', type: 'bar', stack: 'c', data: completeness.map(function (c) { return c.accepted; }) },
      { name: '已填报未通过', type: 'bar', stack: 'c', data: completeness.map(function (c) { return c.reported - c.accepted; }) },
      { name: '未报送', type: 'bar', stack: 'c', data: completeness.map(function (c) { return c.missing; }) }]
  });
}());
