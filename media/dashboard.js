// Runs inside the metrics webview: a click on a chart bar or a list entry asks the extension to open the
// postmortems behind it. It reads only data-uri(s) attributes the extension rendered; nothing else.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-uri],[data-uris]') : null;
    if (!target) return;
    const uris = (target.getAttribute('data-uris') || target.getAttribute('data-uri') || '').split(' ').filter(Boolean);
    if (uris.length) vscode.postMessage({ type: 'open', uris });
  });
})();
