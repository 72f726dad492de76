/**
 * The theme switch, the only script on archive pages: auto → light → dark, where auto follows
 * the system. It runs before the first paint (a classic script in <head>, Page.astro), so the
 * page never flashes the wrong colours: it sets `data-theme` on <html> from what the reader
 * chose last (localStorage), then wires the header's button once the document is parsed.
 * Other scripts hear of a change through the `slowest-side:theme` event (src/scripts/theme.ts).
 *
 * Built to public/theme.js by `npm run boot-scripts` (scripts/boot-scripts.ts); a test checks
 * that the shipped file is this source's build.
 */
const KEY = 'slowest-side-theme';
const CYCLE = ['auto', 'light', 'dark'] as const;
type Choice = (typeof CYCLE)[number];
const root = document.documentElement;

/** What the reader chose last; auto when nothing is stored or storage is blocked. */
function chosen(): Choice {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'auto';
  } catch {
    return 'auto';
  }
}

function apply(choice: Choice): void {
  if (choice === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  const button = document.getElementById('theme-switch');
  if (button) {
    button.textContent = `Theme: ${choice}`;
    button.setAttribute('aria-label', `Colour theme: ${choice}. Change`);
  }
  document.dispatchEvent(new CustomEvent('slowest-side:theme', { detail: choice }));
}

apply(chosen());
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('theme-switch');
  if (!button) return;
  button.hidden = false;
  apply(chosen());
  button.addEventListener('click', () => {
    const next = CYCLE[(CYCLE.indexOf(chosen()) + 1) % CYCLE.length] ?? 'auto';
    try {
      if (next === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    apply(next);
  });
});
