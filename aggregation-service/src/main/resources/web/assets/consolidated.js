/* Roll up now (a preview over everything stored, or accepted reports only) and show the new snapshot. */
(function () {
  'use strict';
  var main = document.getElementById('consolidated');
  var path = '/api/v1/units/' + encodeURIComponent(main.dataset.unit) + '/rollups/' + main.dataset.year;
  var status = document.getElementById('rollup-status');
  async function rollup(basis) {
    ogi.setStatus(status, '正在汇总……');
    var answer = await ogi.api('POST', path + (basis ? '?basis=' + basis : ''), null);
    if (answer.status === 201) {
      window.location.href = window.location.pathname;
    } else {
      ogi.setStatus(status, (answer.body && answer.body.detail) || ('汇总失败（' + answer.status + '）'), 'bad');
    }
  }
  var now = document.getElementById('rollup');
  if (now) {
    now.addEventListener('click', function () { rollup(null); });
    document.getElementById('rollup-accepted').addEventListener('click', function () { rollup('accepted'); });
  }
}());
