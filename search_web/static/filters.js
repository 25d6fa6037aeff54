// On a wide screen the filters are shown whatever their <details> says (style.css); opening it as
// well keeps what the browser reports (and the accessibility tree) the same as what is seen.
if (window.matchMedia("(min-width: 50.01rem)").matches) {
  document.querySelectorAll("details.filters").forEach(function (d) { d.open = true; });
}
