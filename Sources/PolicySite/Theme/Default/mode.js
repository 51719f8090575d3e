/* 长者模式 (large type, high contrast) for every page, linked in <head> without `defer` so a
   page is never drawn first in the other mode.

   Without JavaScript the mode is the URL: the link "长者模式" goes to #elder-mode, the id of
   the <html> element, and style.css styles the page while <html> is :target ("退出长者模式"
   goes to #top). That lasts for one page. This script makes the same links a switch that is
   remembered across pages and tabs (localStorage), and marks <html> with `has-mode-script`
   so that style.css follows the `elder-mode` class it sets instead of :target. */
(function () {
  "use strict";
  var KEY = "policy-elder-mode";
  var HASH = "#elder-mode";
  var root = document.documentElement;

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }
  function remember(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "on"); else window.localStorage.removeItem(KEY);
    } catch (e) { /* storage off: the mode still applies to this page */ }
  }
  function show(on) {
    root.classList.toggle("elder-mode", on);
  }

  root.classList.add("has-mode-script");
  // A link to the page in the mode (#elder-mode) turns it on for the pages that follow too.
  if (window.location.hash === HASH) remember(true);
  show(window.location.hash === HASH || remembered());

  window.addEventListener("hashchange", function () {
    if (window.location.hash === HASH) { remember(true); show(true); }
  });
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) show(remembered());
  });
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-mode]") : null;
    if (!link) return;
    event.preventDefault();
    var on = link.getAttribute("data-mode") === "on";
    remember(on);
    show(on);
    if (!on && window.location.hash === HASH) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    }
    // The link clicked is hidden now; keep the keyboard on the one that replaced it.
    var other = document.querySelector('a[data-mode="' + (on ? "off" : "on") + '"]');
    if (other) other.focus();
  });
})();
