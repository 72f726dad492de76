/**
 * The host half of /embed/example/: buttons post protocol messages to the embed, and the
 * embed's replies (its state, or that Escape was pressed in it) are shown as text. A reply counts only when it comes from this page's
 * origin and from the embed's own window, and has the protocol's shape.
 */
import { MESSAGE, parseLeaveMessage, parseStateMessage } from '../lib/embed/protocol.ts';

const frame = document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]');
const output = document.querySelector<HTMLElement>('[data-role="output"]');
const status = document.querySelector<HTMLElement>('[data-role="status"]');

/** Sends a message to the embed (same origin as this page). */
const post = (message: unknown): void => frame?.contentWindow?.postMessage(message, location.origin);

if (frame && output && status) {
  addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
    const message = parseStateMessage(event.data) ?? parseLeaveMessage(event.data);
    if (!message) return;
    if (message.type === MESSAGE.leave) {
      status.textContent = `Last message: ${message.type}: Escape was pressed in the embed, and this page has the keys again.`;
    } else {
      const step = message.step ? `, step ${message.step.index + 1} of ${message.step.count}` : '';
      const changed = message.changes.length > 0 ? `, ${message.changes.length} value(s) changed` : '';
      status.textContent = `Last message: ${message.type}, preset ${message.preset ?? 'none'}${step}${changed}.`;
    }
    output.textContent = JSON.stringify(message, null, 2);
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-message]')) {
    button.addEventListener('click', () => post(JSON.parse(button.dataset['message'] ?? 'null')));
  }
  // The embed may have said "ready" before this script listened: ask again once it has loaded.
  frame.addEventListener('load', () => post({ type: MESSAGE.get }));
  post({ type: MESSAGE.get });
}
