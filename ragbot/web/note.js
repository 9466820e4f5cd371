// js_on_load of the note viewer: when a note opens at a cited sentence, bring the viewer into the
// window (it sits below the source cards, often past the fold) and the sentence into the viewer.
watch('value', () => {
  const box = element.querySelector('.rb-note-text');
  const mark = box && box.querySelector('mark');
  if (!mark) return;
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
});
