// Rhizome's page script for a rendered note (reading view and HTML export): draws maths, colours
// code (each only if its bundled script was loaded), draws Mermaid diagrams (loading the script only
// when there is one), moves in the rest of a long note after its start is shown, shows an external image
// only when it is clicked, shows PDFs inline where the browser can (not in JavaFX's WebView), and
// sounds and videos it cannot play as file cards.
(function () {
  var dark = document.documentElement.className.indexOf('theme-dark') >= 0;
  var self = document.currentScript;
  var mermaidSrc = self ? self.getAttribute('data-mermaid') : null;
  var javafx = navigator.userAgent.indexOf('JavaFX') >= 0;
  // Each element of roots and every element inside it that matches selector.
  function each(roots, selector, fn) {
    for (var r = 0; r < roots.length; r++) {
      var root = roots[r];
      var list = [];
      if (root.matches && root.matches(selector)) { list.push(root); }
      var inner = root.querySelectorAll ? root.querySelectorAll(selector) : [];
      for (var j = 0; j < inner.length; j++) { list.push(inner[j]); }
      for (var i = 0; i < list.length; i++) {
        try { fn(list[i]); } catch (e) { /* one bad block must not stop the others */ }
      }
    }
  }
  if (window.hljs) { hljs.configure({ ignoreUnescapedHTML: true }); }
  // Maths, code and diagrams not drawn yet: each is drawn when it comes near the screen (drawing all
  // of a long note's at once kept WebView busy for seconds).
  var pending = [];
  function drawOne(el) {
    if (el.rhizomeDrawn) { return; }
    el.rhizomeDrawn = true;
    if (el.classList.contains('math')) {
      katex.render(el.textContent, el, { displayMode: el.classList.contains('math-block'), throwOnError: false });
    } else if (el.classList.contains('mermaid')) {
      diagrams.push(el);
    } else {
      var lang = el.className.replace(/.*language-([^\s]+).*/, '$1');
      if (hljs.getLanguage(lang)) { hljs.highlightElement(el); }
    }
  }
  // Draws what is pending above `below` (a distance from the top of the window, in pixels).
  function drawPending(below) {
    var left = [];
    var from = -window.innerHeight;
    for (var i = 0; i < pending.length; i++) {
      var el = pending[i];
      var box = el.getBoundingClientRect();
      if (box.top < below && (box.bottom > from || below === Infinity)) {
        try { drawOne(el); } catch (e) { /* one bad block must not stop the others */ }
      } else {
        left.push(el);
      }
    }
    pending = left;
    drawDiagrams();
  }
  var scrollTimer = null;
  function soon() {
    if (scrollTimer === null && pending.length) {
      scrollTimer = setTimeout(function () { scrollTimer = null; drawPending(2 * window.innerHeight); }, 30);
    }
  }
  // Scrolled, or the window was given its size after the page loaded.
  window.addEventListener('scroll', soon);
  window.addEventListener('resize', soon);
  // Maths, code colours, diagrams, media cards and PDFs in some elements of the page.
  function drawScripted(roots) {
    if (window.katex) { each(roots, '.math', function (el) { pending.push(el); }); }
    if (window.hljs) { each(roots, 'pre code[class*="language-"]', function (el) { pending.push(el); }); }
  }
  function draw(roots) {
    drawScripted(roots);
    each(roots, 'pre.mermaid', function (el) { pending.push(el); });
    // A sound or video this browser cannot play (JavaFX's WebView has no Ogg, Opus, WebM or FLAC): a
    // card that opens the file in the system's player, not a player showing "Error".
    each(roots, '.media-embed', function (el) {
      var mime = el.getAttribute('data-mime') || '';
      if (mime && el.canPlayType && el.canPlayType(mime) === '') { asCard(el); } else { el.addEventListener('error', function () { asCard(el); }); }
    });
    if (!javafx) {
      each(roots, '.pdf-embed', function (el) {
        var frame = document.createElement('iframe');
        frame.className = 'pdf-frame';
        frame.src = el.getAttribute('data-src');
        el.insertBefore(frame, el.firstChild);
      });
    }
  }
  // Mermaid diagrams waiting for the script, which is loaded (once) after the first part is shown.
  var diagrams = [];
  var mermaidState = 0; // 0 not loaded, 1 loading, 2 ready, 3 failed
  var firstShown = false;
  function drawDiagrams() {
    if (!diagrams.length || !mermaidSrc || !firstShown) { return; }
    if (mermaidState === 0) {
      mermaidState = 1;
      var s = document.createElement('script');
      s.src = mermaidSrc;
      s.onload = function () {
        try {
          mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
          mermaidState = 2;
        } catch (e) { mermaidState = 3; }
        drawDiagrams();
      };
      s.onerror = function () { mermaidState = 3; };
      document.head.appendChild(s);
      return;
    }
    if (mermaidState === 2) {
      var nodes = diagrams;
      diagrams = [];
      try { mermaid.run({ nodes: nodes }); } catch (e) { /* the source stays shown */ }
    }
  }
  // The rest of a long note (HtmlPage.reading): moved in a part at a time once the start is shown.
  var article = document.querySelector('article.markdown-rendered');
  var rest = document.getElementById('rhizome-rest');
  // The reading view shows a long note's start first and hands the rest over once it is rendered
  // (HtmlPage.readingStart, window.rhizomeRest); until then the empty template stays.
  var coming = rest !== null && rest.hasAttribute('data-coming');
  // Moves up to max elements in; true while more is there to move now.
  function moveIn(max) {
    if (!rest || !article) { return false; }
    var content = rest.content;
    var added = [];
    while (content.firstChild && added.length < max) {
      var n = content.firstChild;
      article.appendChild(n);
      if (n.nodeType === 1) { added.push(n); }
    }
    draw(added);
    if (content.firstChild) { return true; }
    if (!coming) { rest.parentNode.removeChild(rest); rest = null; }
    return false;
  }
  function more() {
    var again = moveIn(40);
    drawPending(2 * window.innerHeight);
    if (again) { setTimeout(more, 0); }
  }
  // For the reading view: the whole note now (to reach an anchor), or enough to scroll to y.
  // What is above y is drawn first, so that y is where it was on the page before.
  window.rhizomeAll = function () { while (moveIn(100000)) { /* all of it */ } drawPending(Infinity); };
  window.rhizomeScrollTo = function (y) {
    while (document.documentElement.scrollHeight < y + window.innerHeight && moveIn(40)) { /* more */ }
    drawPending(y + 2 * window.innerHeight);
    window.scrollTo(0, y);
  };
  // The rest of the note, rendered after its start was shown: `html` follows what is on the page (or
  // replaces it all when `replace`); `assets` lists, a line each, the styles and scripts the rest
  // needs that the start did not ("style URL", "script URL", "mermaid URL").
  window.rhizomeRest = function (html, replace, assets) {
    if (!article) { return; }
    if (replace) {
      while (article.firstChild) { article.removeChild(article.firstChild); }
      pending = [];
    }
    if (!rest) {
      rest = document.createElement('template');
      rest.id = 'rhizome-rest';
      document.body.appendChild(rest);
    }
    var t = document.createElement('template');
    t.innerHTML = html;
    rest.content.appendChild(t.content);
    coming = false;
    var lines = (assets || '').split('\n');
    for (var i = 0; i < lines.length; i++) {
      var cut = lines[i].indexOf(' ');
      if (cut < 0) { continue; }
      var kind = lines[i].substring(0, cut);
      var url = lines[i].substring(cut + 1);
      if (kind === 'style') {
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = url;
        document.head.appendChild(link);
      } else if (kind === 'script') {
        var s = document.createElement('script');
        s.src = url;
        s.onload = function () {
          if (window.hljs) { hljs.configure({ ignoreUnescapedHTML: true }); }
          drawScripted([article]);
          drawPending(2 * window.innerHeight);
        };
        document.head.appendChild(s);
      } else if (kind === 'mermaid') {
        mermaidSrc = url;
      }
    }
    more();
  };
  // An edit shown in place (PagePatch): the segments first..first+count of the note (each starts at
  // an <!--rz--> comment) replaced by `html`, every task offset after them moved by `shift`; maths,
  // code and diagrams drawn in the new part only. False (nothing changed) when the page does not
  // hold the whole note yet or has fewer segments: the view loads a new page instead.
  window.rhizomePatch = function (first, count, html, shift) {
    if (!article || coming || (rest && rest.content.firstChild)) { return false; }
    var marks = [];
    for (var n = article.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 8 && n.data === 'rz') { marks.push(n); }
    }
    if (first + count > marks.length || (count > 0 && first >= marks.length)) { return false; }
    var end = first + count < marks.length ? marks[first + count] : null;
    if (count > 0) {
      var gone = marks[first];
      while (gone && gone !== end) {
        var next = gone.nextSibling;
        article.removeChild(gone);
        gone = next;
      }
    }
    var t = document.createElement('template');
    t.innerHTML = html;
    var added = [];
    for (var c = t.content.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) { added.push(c); }
    }
    article.insertBefore(t.content, end);
    if (shift && end) {
      // One query for the page's few task boxes, not one per block after the patch.
      var boxes = article.querySelectorAll('[data-offset]');
      for (var b = 0; b < boxes.length; b++) {
        if (end.compareDocumentPosition(boxes[b]) & 4) { // DOCUMENT_POSITION_FOLLOWING
          boxes[b].setAttribute('data-offset', String(+boxes[b].getAttribute('data-offset') + shift));
        }
      }
    }
    var kept = [];
    for (var i = 0; i < pending.length; i++) {
      if (document.body.contains(pending[i])) { kept.push(pending[i]); }
    }
    pending = kept;
    draw(added);
    drawPending(2 * window.innerHeight);
    return true;
  };
  function run() {
    draw(article ? [article] : [document.body]);
    drawPending(2 * window.innerHeight);
    setTimeout(function () {
      firstShown = true;
      drawDiagrams();
      more();
    }, 20);
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
