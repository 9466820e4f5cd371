() => {
  // Keyboard: "/" focuses the question box (unless typing somewhere), Esc stops the answer being written.
  if (window.rbKeys) return;
  window.rbKeys = true;
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const box = document.querySelector("#rb-question textarea");
      if (box) { event.preventDefault(); box.focus(); }
    } else if (event.key === "Escape") {
      const stop = document.querySelector("#rb-stop");
      if (stop) stop.click();
    }
  });
}
