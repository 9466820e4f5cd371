() => {
  // The conversations sidebar is built closed (``history.sidebar``) and opened here on wide
  // screens. At 768 px and below Gradio draws it over the whole page, so there it stays closed
  // (no flash over the chat on a phone) until its toggle is tapped.
  if (window.matchMedia("(max-width: 768px)").matches) return;
  const started = performance.now();
  const open = () => {
    const sidebar = document.querySelector("#rb-history");
    const toggle = sidebar && sidebar.querySelector("button.toggle-button");
    if (toggle) {
      if (!sidebar.classList.contains("open")) toggle.click();
    } else if (performance.now() - started < 10000) {
      requestAnimationFrame(open);
    }
  };
  open();
}
