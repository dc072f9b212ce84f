/* Review of a report handed in: accept it, or return it with a comment; reopen an accepted one with a reason. All
 * through the API's season moves. */
(function () {
  'use strict';
  var main = document.getElementById('review');
  var base = '/api/v1/units/' + encodeURIComponent(main.dataset.unit) + '/reports/' + main.dataset.year;
  var status = document.getElementById('review-status');
  var version = main.dataset.version ? Number(main.dataset.version) : null;

  /** A season move; accept and return name the version reviewed, so that a report changed meanwhile is refused. */
  async function move(action, body) {
    if (version !== null && action !== 'reopen') { body.version = version; }
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
  var reopen = document.getElementById('reopen');
  if (reopen) {
    reopen.addEventListener('click', function () {
      var reason = document.getElementById('reason').value.trim();
      if (!reason) { ogi.setStatus(status, '解锁时请写明原因。', 'bad'); return; }
      move('reopen', { reason: reason });
    });
  }
}());
