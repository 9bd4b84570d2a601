// Rhizome's page script for a rendered note (reading view and HTML export): draws maths, colours
// code, draws Mermaid diagrams (each only if its bundled script was loaded), shows an external image
// only when it is clicked, and shows PDFs inline where the browser can (not in JavaFX's WebView).
(function () {
  var dark = document.documentElement.className.indexOf('theme-dark') >= 0;
  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) {
      try { fn(list[i]); } catch (e) { /* one bad block must not stop the others */ }
    }
  }
  function run() {
    if (window.katex) {
      each('.math', function (el) {
        katex.render(el.textContent, el, { displayMode: el.classList.contains('math-block'), throwOnError: false });
      });
    }
    if (window.hljs) {
      hljs.configure({ ignoreUnescapedHTML: true });
      each('pre code[class*="language-"]', function (el) {
        var lang = el.className.replace(/.*language-([^\s]+).*/, '$1');
        if (hljs.getLanguage(lang)) { hljs.highlightElement(el); }
      });
    }
    if (window.mermaid) {
      try {
        mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
        mermaid.run({ querySelector: 'pre.mermaid' });
      } catch (e) { /* the source stays shown */ }
    }
    if (navigator.userAgent.indexOf('JavaFX') < 0) {
      each('.pdf-embed', function (el) {
        var frame = document.createElement('iframe');
        frame.className = 'pdf-frame';
        frame.src = el.getAttribute('data-src');
        el.insertBefore(frame, el.firstChild);
      });
    }
  }
  document.addEventListener('click', function (ev) {
    var el = ev.target;
    while (el && el.nodeType === 1 && !(el.classList && el.classList.contains('external-embed'))) { el = el.parentNode; }
    if (!el || el.nodeType !== 1) { return; }
    var img = document.createElement('img');
    img.src = el.getAttribute('data-src');
    img.alt = el.getAttribute('data-alt') || '';
    if (el.getAttribute('data-width')) { img.width = +el.getAttribute('data-width'); }
    if (el.getAttribute('data-height')) { img.height = +el.getAttribute('data-height'); }
    el.parentNode.replaceChild(img, el);
  });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
})();
