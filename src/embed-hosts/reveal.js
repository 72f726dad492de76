/*
 * Steps Slowest Side embeds with a reveal.js deck (tested with 6.0.2): the figure shows step k of
 * its sequence once k fragments of its slide are shown, and step 0 before any. Call it once
 * with the deck, after the deck's own script:
 *
 *   Reveal.initialize({ … }).then(() => stepSlowestSide(Reveal));
 *
 * Each embed is an <iframe> with a title and its sequence in data-slowest-side-steps, a
 * JSON list of { "preset": …, "state": { … } } steps (at most 40). Messages go only to the
 * embed's own origin; replies count only from the embed's own window and origin.
 */
// biome-ignore lint/correctness/noUnusedVariables: a classic script's global, for the deck's own script to call
function stepSlowestSide(deck) {
  const frames = () => [...document.querySelectorAll('iframe[data-slowest-side-steps]')];
  const originOf = (frame) => new URL(frame.src, location.href).origin;
  const post = (frame, message) => frame.contentWindow?.postMessage(message, originOf(frame));

  // The step a frame's slide is at: how many of its fragments are shown (0 off its slide).
  const stepOf = (frame) => (frame.closest('section') === deck.getCurrentSlide() ? (deck.getIndices().f ?? -1) + 1 : 0);
  const sendSteps = (frame) =>
    post(frame, { type: 'slowest-side:steps', steps: JSON.parse(frame.dataset.slowestSideSteps), index: stepOf(frame) });

  // Frames whose embed has spoken: only those are sent steps (one still loading would not take them).
  const heard = new WeakSet();

  addEventListener('message', (event) => {
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    heard.add(frame);
    // An embed without its sequence (it has just loaded, or loaded before this ran) gets it.
    if (event.data?.type === 'slowest-side:state' && event.data.step === undefined) sendSteps(frame);
    // Escape in the figure: the keyboard is the deck's again.
    if (event.data?.type === 'slowest-side:leave') {
      frame.blur();
      window.focus();
    }
  });

  const follow = () => {
    for (const frame of frames()) {
      if (heard.has(frame) && frame.closest('section') === deck.getCurrentSlide()) {
        post(frame, { type: 'slowest-side:step', index: stepOf(frame) });
      }
    }
  };
  for (const name of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(name, follow);
  // An embed that loaded before this ran was not heard: ask it for its state (the question
  // carries nothing, so it may go to whatever the frame holds now).
  for (const frame of frames()) frame.contentWindow?.postMessage({ type: 'slowest-side:get' }, '*');
}
