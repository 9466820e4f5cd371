// js_on_load of the Sentiment tab's note viewer: a click on a plot point follows the point's
// link "#rb-note=<source>" (vega's href channel); this sends the source to the server, which
// opens that note here, then clears the link so the same point opens again on the next click.
const PREFIX = '#rb-note=';
const openFromLink = () => {
  if (!location.hash.startsWith(PREFIX)) return;
  const note = decodeURIComponent(location.hash.slice(PREFIX.length));
  history.replaceState(null, '', location.pathname + location.search);
  trigger('click', { note });
};
window.addEventListener('hashchange', openFromLink);
