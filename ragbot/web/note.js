// js_on_load of the note viewer: scroll the cited sentence into view when a note opens.
watch('value', () => {
  const box = element.querySelector('.rb-note-text');
  const mark = box && box.querySelector('mark');
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
});
