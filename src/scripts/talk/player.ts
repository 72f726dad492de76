/**
 * The script of the offline talk file (lib/talk/offline.ts; bundled inline by
 * integrations/player-bundle.ts): reads the talk the file carries and opens it in presenter
 * mode with live controls, from the step the address names (`#step-3`) or the first. Closing
 * shows the steps as a handout, with a button to present again and one on each step to
 * present from there. Nothing here reaches the network.
 */
import { parseTalk } from '../../lib/talk/talk.ts';
import { h } from '../dom.ts';
import { presentTalk } from '../presenter-talk.ts';

const { talk, problems } = parseTalk(document.getElementById('talk')?.textContent ?? '');
for (const p of problems) console.warn(`talk file: ${p}`);

// The script runs: the note for readers without it goes.
document.getElementById('no-script')?.remove();

const present = document.getElementById('present');
if (present instanceof HTMLButtonElement && talk.steps.length > 0) {
  present.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  present.addEventListener('click', () => presentTalk(talk, present));
  for (const item of document.querySelectorAll<HTMLElement>('li[data-step]')) {
    const n = Number(item.dataset['step']);
    const here = h('button', { type: 'button' }, `Present from step ${n}`);
    here.addEventListener('click', () => presentTalk(talk, here, n - 1));
    item.querySelector('h2')?.after(here);
  }
  const asked = Number(/^#step-(\d+)$/.exec(location.hash)?.[1] ?? '1');
  presentTalk(talk, present, Math.min(talk.steps.length, Math.max(1, asked)) - 1);
}
