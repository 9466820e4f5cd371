// js_on_load of the sources panel: a click on a source card, or on an [n] marker in the
// chat, sends that citation's key ("turn-n") to the server, which opens its note.
const open = (cite) => trigger('click', { cite });
const cardOf = (event) => event.target.closest('[data-cite]');
element.addEventListener('click', (event) => {
  const card = cardOf(event);
  if (card) open(card.dataset.cite);
});
element.addEventListener('keydown', (event) => {
  const card = cardOf(event);
  if (card && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    open(card.dataset.cite);
  }
});
// A marker's card, brought into view (on a phone the cards sit below the chat). Cards list the
// keys of all their markers in data-cites: two markers quoting one passage share a card.
const reveal = (cite) => {
  const card = element.querySelector(`[data-cites~="${CSS.escape(cite)}"]`);
  if (card) card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
};
window.ragbotOpenCitation = (cite) => {
  reveal(cite);
  open(cite);
};
if (!window.ragbotCiteLinks) {
  window.ragbotCiteLinks = true;
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.rb-cite');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    window.ragbotOpenCitation(link.getAttribute('href').replace('#cite-', ''));
  }, true);
}
watch('value', () => {
  const active = element.querySelector('.rb-card.rb-active');
  if (active) active.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
});
