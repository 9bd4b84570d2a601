// The exported site's search box: loads the index (a script, so that it works from file: too) when the
// box is first used, then lists the notes whose title or text holds every word typed.
(function () {
  var boxes = document.querySelectorAll('.site-search');
  for (var b = 0; b < boxes.length; b++) { setUp(boxes[b]); }
  function setUp(box) {
    var base = box.getAttribute('data-base') || '';
    var input = box.querySelector('input');
    var list = box.querySelector('ul');
    function load(then) {
      if (window.RHIZOME_SEARCH) { then(); return; }
      var s = document.createElement('script');
      s.src = base + '_assets/search-index.js';
      s.onload = then;
      document.head.appendChild(s);
    }
    function show() {
      var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
      list.innerHTML = '';
      if (!words.length) { list.hidden = true; return; }
      var hits = [];
      var all = window.RHIZOME_SEARCH || [];
      for (var i = 0; i < all.length && hits.length < 20; i++) {
        var title = all[i].t.toLowerCase();
        var hay = title + ' ' + all[i].x.toLowerCase();
        if (words.every(function (w) { return hay.indexOf(w) >= 0; })) {
          hits.push({ n: all[i], score: words.every(function (w) { return title.indexOf(w) >= 0; }) ? 0 : 1 });
        }
      }
      hits.sort(function (a, b) { return a.score - b.score; });
      hits.forEach(function (h) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = base + h.n.p;
        a.textContent = h.n.t;
        li.appendChild(a);
        if (h.n.f) { var f = document.createElement('small'); f.textContent = '  ' + h.n.f; li.appendChild(f); }
        list.appendChild(li);
      });
      list.hidden = hits.length === 0;
    }
    input.addEventListener('focus', function () { load(function () {}); });
    input.addEventListener('input', function () { load(show); });
  }
})();
