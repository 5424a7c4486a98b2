// Colour pickers beside the hex fields: a convenience (the text field stays the value); an empty field shows the theme's colour, labelled.

/** `#rrggbb` for a 3- or 6-digit hex value, undefined otherwise. */
function sixDigits(value: string): string | undefined {
  const hex = value.trim().replace('#', '').toLowerCase();
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((c) => c + c).join('')}`;
  return undefined;
}

/** The theme the preview shows for the chosen `theme` (auto follows this browser, as the frame does). */
function shownTheme(form: HTMLFormElement): 'light' | 'dark' {
  const theme = (form.elements.namedItem('theme') as RadioNodeList).value;
  if (theme === 'light' || theme === 'dark') return theme;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Connects the picker of the field `name`; returns the function that brings the swatch up to date. */
export function connectPicker(form: HTMLFormElement, name: string, changed: () => void): () => void {
  const field = document.getElementById(name) as HTMLInputElement;
  const picker = document.getElementById(`${name}-picker`) as HTMLInputElement;
  const note = document.getElementById(`${name}-note`) as HTMLElement;
  const sync = () => {
    const own = sixDigits(field.value);
    if (own) picker.value = own;
    else if (field.value.trim() === '') picker.value = picker.dataset[shownTheme(form)] ?? picker.value;
    // Says whose colour the swatch shows while the field is empty.
    note.textContent = field.value.trim() === '' ? 'Theme’s colour' : '';
    note.hidden = note.textContent === '';
  };
  picker.addEventListener('input', () => {
    field.value = picker.value.slice(1);
    changed();
  });
  picker.hidden = false;
  sync();
  return sync;
}
