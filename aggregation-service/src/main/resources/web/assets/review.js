/* Review of a report handed in: accept it, or return it with a comment, through the API's season moves. */
(function () {
  'use strict';
  var main = document.getElementById('review');
  var base = '/api/v1/units/' + encodeURIComponent(main.dataset.unit) + '/reports/' + main.dataset.year;
  var status = document.getElementById('review-status');
  var version = main.dataset.version ? Number(main.dataset.version) : null;

  async function move(action, body) {
    if (version !== null) { body.version = version; }
    var answer = await ogi.api('POST', base + '/' + action, body);
    if (answer.status === 200) {
      window.location.reload();
    } else {
      ogi.setStatus(status, (answer.body && answer.body.detail) || ('操作失败（' + answer.status + '）'), 'bad');
    }
  }
  var accept = document.getElementById('accept');
  if (accept) {
    accept.addEventListener('click', function () { move('accept', {}); });
    document.getElementById('return').addEventListener('click', function () {
      var comment = document.getElementById('comment').value.trim();
      if (!comment) { ogi.setStatus(status, '退回时请写明意见。', 'bad'); return; }
      move('return', { comment: comment });
    });
  }
}());
