// js_on_load of the hidden copier: a click on the "Copy as Markdown" link under an answer sends
// that answer's number to the server, which returns its Markdown for COPY_JS (history.py).
if (!window.ragbotCopyLinks) {
  window.ragbotCopyLinks = true;
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.rb-copy-answer');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    window.ragbotCopyLink = link;
    trigger('click', { turn: link.getAttribute('href').replace('#copy-', '') });
  }, true);
}
