// The builder's copy buttons: each copies its block of code, through the Clipboard API or by selecting the text.

async function copy(code: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  let copied = false;
  try {
    await navigator.clipboard.writeText(code.value);
    copied = true;
  } catch {
    code.focus();
    code.select();
    // The old API still works where the new one is missing or refused (e.g. no permission).
    copied = document.execCommand('copy');
  }
  status.textContent = copied ? 'Copied' : 'Press Ctrl+C (⌘C) to copy the selected code';
}

/** Shows every `button[data-copies="<textarea id>"]` (hidden without script, where it could not work). */
export function connectCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copies]')) {
    const id = button.dataset.copies ?? '';
    const code = document.getElementById(id) as HTMLTextAreaElement;
    const status = document.getElementById(`${id}-status`) as HTMLElement;
    button.addEventListener('click', () => void copy(code, status));
    button.hidden = false;
  }
}

/** Clears the "Copied" notes: the code they were about has changed. */
export function clearCopyStatus(): void {
  for (const status of document.querySelectorAll('.copied')) status.textContent = '';
}
