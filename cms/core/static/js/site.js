// The public site's one script: the mobile menu. Without it the menu is simply shown
// (the page works without JavaScript); with it, phones get a menu button.
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");
  var toggle = document.querySelector("[data-menu-toggle]");
  var panel = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!toggle || !panel) return;

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("is-open", open);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
})();

// A form sent back with errors: focus moves to the summary, which names each field and
// links to it (screen readers read it out; keyboard users start from it).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
