// Program picker of the cycle pages: filter the list as the person types and count the ticked programs.
// A file of the site (not inline) so it runs under the Content-Security-Policy «script-src 'self'».
(function () {
  var q = document.getElementById("buscar-programa"), box = document.getElementById("programas");
  if (!q || !box) { return; }
  var n = document.getElementById("marcados");
  function count() { if (n) { n.textContent = box.querySelectorAll("input:checked").length; } }
  q.addEventListener("input", function () {
    var t = q.value.toLowerCase().trim();
    box.querySelectorAll(".program").forEach(function (l) {
      l.style.display = !t || l.dataset.text.indexOf(t) >= 0 ? "" : "none";
    });
  });
  box.addEventListener("change", count);
  count();
})();
