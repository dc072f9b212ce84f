/*
 * Data entry in the printed layout: live validation through the API's dry run as the clerk types (findings on the
 * cells they concern, causes before consequences), save a draft, hand in, upload the XLSX form. Tab moves along a
 * row, Enter down a column (Shift+Enter up); a row of numbers pasted from Excel fills the row from the cell pasted in.
 */
(function () {
  'use strict';
  var main = document.getElementById('entry');
  var unit = main.dataset.unit;
  var year = main.dataset.year;
  var figuresPath = '/api/v1/units/' + encodeURIComponent(unit) + '/figures/' + year;
  var status = document.getElementById('entry-status');
  var inputs = Array.prototype.slice.call(document.querySelectorAll('input.cell'));
  var byCell = {};
  inputs.forEach(function (input) { byCell[input.dataset.cell] = input; });
  var checking = 0;
  var timer = null;

  function raw(text) { return text.replace(/[,，\s]/g, ''); }
  function cellOf(input) { return input.closest('td'); }

  function markBlank(input) {
    cellOf(input).classList.toggle('blank', raw(input.value) === '');
  }

  function figures() {
    var out = {};
    inputs.forEach(function (input) {
      var value = raw(input.value);
      if (value !== '') { out[input.dataset.cell] = value; }
    });
    return out;
  }

  function clearFindings() {
    document.querySelectorAll('td.finding-error, td.finding-warning').forEach(function (td) {
      td.classList.remove('finding-error', 'finding-warning');
    });
    document.querySelectorAll('.cell-notes').forEach(function (n) { n.textContent = ''; });
    document.getElementById('findings').textContent = '';
  }

  function noteOn(cell, finding) {
    var input = byCell[cell];
    if (!input) { return; }
    var td = cellOf(input);
    if (!td.classList.contains('finding-error')) {
      td.classList.add(finding.severity === 'error' ? 'finding-error' : 'finding-warning');
      if (finding.severity === 'error') { td.classList.remove('finding-warning'); }
    }
    var note = document.createElement('span');
    note.className = 'note';
    note.textContent = finding.messageZh || finding.message;
    td.querySelector('.cell-notes').appendChild(note);
  }

  function listItem(finding, consequence) {
    var li = document.createElement('li');
    li.className = finding.severity;
    var severity = document.createElement('span');
    severity.className = 'severity';
    severity.textContent = consequence ? '由此导致' : (finding.severity === 'error' ? '错误' : '提醒');
    li.appendChild(severity);
    li.appendChild(document.createTextNode(' ' + (finding.messageZh || finding.message)));
    if (finding.places && finding.places.some(function (p) { return p; })) {
      li.appendChild(document.createTextNode('（' + finding.places.filter(function (p) { return p; }).join('；') + '）'));
    }
    if (finding.cells && finding.cells.length) {
      li.dataset.cells = finding.cells.join(' ');
    }
    if (finding.consequences && finding.consequences.length) {
      var ol = document.createElement('ol');
      finding.consequences.forEach(function (c) { ol.appendChild(listItem(c, true)); });
      li.appendChild(ol);
    }
    return li;
  }

  /** Findings on their cells and in the list: errors first; a cause before the rules its value breaks. */
  function showFindings(findings) {
    clearFindings();
    var list = document.getElementById('findings');
    var sorted = findings.slice().sort(function (a, b) {
      return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
    });
    sorted.forEach(function (f) {
      var cells = f.cause ? [f.cause] : (f.cells || []);
      cells.forEach(function (cell) { noteOn(cell, f); });
      list.appendChild(listItem(f, false));
    });
    document.getElementById('findings-none').textContent = findings.length ? '' : '没有发现问题。';
  }

  /** The findings of an answer: a success's warnings, or a rejection's errors and warnings. */
  function findingsOf(answer) {
    if (answer.status === 200 && answer.body && answer.body.findings) { return answer.body.findings; }
    if (answer.body && answer.body.code === 'submission.rejected') { return answer.body.errors || []; }
    return null;
  }

  async function check() {
    var mine = ++checking;
    var answer = await ogi.api('PUT', figuresPath + '?dryRun=true', { figures: figures() });
    if (mine !== checking) { return; }
    var found = findingsOf(answer);
    if (found === null) {
      ogi.setStatus(status, (answer.body && answer.body.detail) || ('校验失败（' + answer.status + '）'), 'bad');
      return;
    }
    showFindings(found);
    var errors = found.filter(function (f) { return f.severity === 'error'; }).length;
    ogi.setStatus(status, errors ? ('有 ' + errors + ' 处错误，请按提示修改。') : '校验通过。', errors ? 'bad' : 'good');
  }

  function scheduleCheck() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  /** A conflict with another writer: nothing was stored; say so rather than overwrite what they stored. */
  function conflicted(answer) {
    if (answer.status !== 412 && answer.status !== 409) { return false; }
    ogi.setStatus(status, '未保存：' + ((answer.body && answer.body.detail) || '此报告已被他人修改') +
      '。请复制您的修改后刷新页面，在最新版本上再改。', 'bad');
    return true;
  }

  async function save() {
    clearTimeout(timer);
    checking++;
    var answer = await ogi.api('PUT', figuresPath, { figures: figures() }, null, main.dataset.etag || null);
    if (conflicted(answer)) { return false; }
    var found = findingsOf(answer);
    if (found !== null) { showFindings(found); }
    if (answer.status === 200) {
      if (answer.etag) { main.dataset.etag = answer.etag; }
      var version = answer.body.version;
      ogi.setStatus(status, '已暂存' + (version ? '（第 ' + version + ' 版）' : '') + '。', 'good');
      var state = document.getElementById('report-state');
      state.textContent = '暂存';
      state.className = 'state draft';
      return true;
    }
    ogi.setStatus(status, '未保存：' + ((answer.body && answer.body.detail) || answer.status), 'bad');
    return false;
  }

  async function submit() {
    if (!(await save())) { return; }
    var answer = await ogi.api('POST', '/api/v1/units/' + encodeURIComponent(unit) + '/reports/' + year + '/submit', {});
    if (answer.status === 200) {
      var state = document.getElementById('report-state');
      state.textContent = '已报送';
      state.className = 'state submitted';
      ogi.setStatus(status, '已报送，等待上级审核。', 'good');
    } else {
      ogi.setStatus(status, '未报送：' + ((answer.body && answer.body.detail) || answer.status), 'bad');
    }
  }

  async function upload() {
    var file = document.getElementById('xlsx').files[0];
    if (!file) { ogi.setStatus(status, '请先选择填好的 XLSX 表格。', 'bad'); return; }
    var answer = await ogi.api('PUT', figuresPath, file,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', main.dataset.etag || null);
    if (conflicted(answer)) { return; }
    var found = findingsOf(answer);
    if (answer.status === 200) {
      window.location.reload();
      return;
    }
    if (found !== null) { showFindings(found); }
    ogi.setStatus(status, '表格未保存：' + ((answer.body && answer.body.detail) || answer.status), 'bad');
  }

  /** The input in the same table below (or above) this one, by the printed grid's columns. */
  function vertical(input, step) {
    var td = cellOf(input);
    var table = td.closest('table');
    var row = Number(td.dataset.row);
    var col = Number(td.dataset.col);
    var best = null;
    table.querySelectorAll('td[data-cell]').forEach(function (other) {
      var r = Number(other.dataset.row);
      var c = Number(other.dataset.col);
      if (c === col && (step > 0 ? r > row : r < row)) {
        if (best === null || (step > 0 ? r < Number(best.dataset.row) : r > Number(best.dataset.row))) { best = other; }
      }
    });
    if (best) { return best.querySelector('input'); }
    var i = inputs.indexOf(input) + step;
    return inputs[i] || null;
  }

  /** The inputs of this input's printed row from it rightwards. */
  function rowFrom(input) {
    var td = cellOf(input);
    var row = td.dataset.row;
    var col = Number(td.dataset.col);
    return Array.prototype.slice.call(td.closest('table').querySelectorAll('td[data-row="' + row + '"]'))
      .filter(function (other) { return Number(other.dataset.col) >= col; })
      .sort(function (a, b) { return Number(a.dataset.col) - Number(b.dataset.col); })
      .map(function (other) { return other.querySelector('input'); });
  }

  function paste(event) {
    var text = (event.clipboardData || window.clipboardData).getData('text');
    if (!/[\t\n]/.test(text.replace(/\s+$/, ''))) { return; }
    event.preventDefault();
    var lines = text.replace(/\r/g, '').replace(/\n+$/, '').split('\n');
    var start = event.target;
    lines.forEach(function (line) {
      if (!start) { return; }
      var targets = rowFrom(start);
      line.split('\t').forEach(function (value, i) {
        if (targets[i]) {
          targets[i].value = ogi.grouped(raw(value));
          markBlank(targets[i]);
        }
      });
      start = vertical(start, 1);
    });
    scheduleCheck();
  }

  inputs.forEach(function (input) {
    input.value = ogi.grouped(raw(input.value));
    markBlank(input);
    input.addEventListener('focus', function () { input.value = raw(input.value); input.select(); });
    input.addEventListener('blur', function () { input.value = ogi.grouped(raw(input.value)); markBlank(input); });
    input.addEventListener('input', function () { markBlank(input); scheduleCheck(); });
    input.addEventListener('paste', paste);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        var next = vertical(input, event.shiftKey ? -1 : 1);
        if (next) { next.focus(); }
      }
    });
  });
  document.getElementById('save').addEventListener('click', save);
  document.getElementById('submit').addEventListener('click', submit);
  document.getElementById('upload').addEventListener('click', upload);
  if (main.dataset.locked !== 'true' && Object.keys(figures()).length) { check(); }
}());
