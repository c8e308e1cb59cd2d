// Quick exit: one click on the button, or Esc, replaces this page with a neutral site, so
// "back" does not return here. Without JavaScript the button is a plain link.
(function () {
  "use strict";
  var button = document.querySelector("[data-quick-exit]");
  if (!button) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(button.href);
  }
  button.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") leave(event);
  });
})();
