/* Shared by every page: calls to the service's JSON API with the session cookie and its CSRF token. */
(function () {
  'use strict';
  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }
  /**
   * Sends a request to the API; resolves to {status, body, etag} (body parsed when JSON). {@code ifMatch}, when
   * given, is sent as If-Match: the write applies only to the version the page showed.
   */
  async function api(method, path, body, contentType, ifMatch) {
    var headers = { 'X-CSRF-Token': csrf(), 'Accept': 'application/json' };
    if (ifMatch) { headers['If-Match'] = ifMatch; }
    var payload = body;
    if (body !== undefined && body !== null && !(body instanceof Blob)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (contentType) {
      headers['Content-Type'] = contentType;
    }
    var response = await fetch(path, { method: method, headers: headers, body: payload, credentials: 'same-origin' });
    var type = response.headers.get('Content-Type') || '';
    var parsed = type.indexOf('json') >= 0 ? await response.json() : await response.text();
    return { status: response.status, body: parsed, etag: response.headers.get('ETag') };
  }
  /** Digits grouped by thousands, as the pages print figures (exact: done on the text, not on a float). */
  function grouped(raw) {
    var m = /^(-?)(\d+)(\.\d+)?$/.exec(raw);
    if (!m) { return raw; }
    return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] || '');
  }
  function setStatus(element, text, kind) {
    if (!element) { return; }
    element.textContent = text;
    element.classList.remove('good', 'bad');
    if (kind) { element.classList.add(kind); }
  }
  window.ogi = { api: api, csrf: csrf, grouped: grouped, setStatus: setStatus };
}());
