// Rhizome's page script for a rendered note (reading view and HTML export): draws maths, colours
// code, draws Mermaid diagrams (each only if its bundled script was loaded), shows an external image
// only when it is clicked, shows PDFs inline where the browser can (not in JavaFX's WebView), and
// sounds and videos it cannot play as file cards.
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
    // A sound or video this browser cannot play (JavaFX's WebView has no Ogg, Opus, WebM or FLAC): a
    // card that opens the file in the system's player, not a player showing "Error".
    each('.media-embed', function (el) {
      var mime = el.getAttribute('data-mime') || '';
      if (mime && el.canPlayType && el.canPlayType(mime) === '') { asCard(el); } else { el.addEventListener('error', function () { asCard(el); }); }
    });
    if (navigator.userAgent.indexOf('JavaFX') < 0) {
      each('.pdf-embed', function (el) {
        var frame = document.createElement('iframe');
        frame.className = 'pdf-frame';
        frame.src = el.getAttribute('data-src');
        el.insertBefore(frame, el.firstChild);
      });
    }
  }
  function asCard(el) {
    if (!el.parentNode) { return; }
    var name = el.getAttribute('data-name') || '';
    var card = document.createElement('div');
    card.className = 'internal-embed file-card';
    var a = document.createElement('a');
    a.className = 'internal-link attachment-link';
    a.href = el.getAttribute('src');
    a.setAttribute('data-mime', el.getAttribute('data-mime') || '');
    var parts = [['file-icon', name.indexOf('.') >= 0 ? name.substring(name.lastIndexOf('.') + 1).toUpperCase() : 'FILE'],
      ['file-name', name], ['file-size', el.getAttribute('data-size') || '']];
    for (var i = 0; i < parts.length; i++) {
      var span = document.createElement('span');
      span.className = parts[i][0];
      span.textContent = parts[i][1];
      a.appendChild(span);
    }
    card.appendChild(a);
    el.parentNode.replaceChild(card, el);
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
