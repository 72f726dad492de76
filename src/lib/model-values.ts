/**
 * The Markdown pipeline's model numbers: inline code `model STATE PATH DIGITS [UNIT]`
 * (src/lib/model/figure-code.ts) becomes the number the model computes, in the same
 * `<span class="model-value">` that <ModelValue> prints. A malformed code or an unknown preset
 * fails the build. Registered next to the kernel links in astro.config.mjs.
 */
import type { MdastPluginDefinition } from 'satteri';
import { renderFigureCode } from './model/figure-code.ts';

/** The plugin: register under `mdastPlugins` of `satteri()`. */
export const modelValues: MdastPluginDefinition = {
  name: 'model-values',
  inlineCode(node, ctx) {
    const out = renderFigureCode(node.value);
    if (!out) return;
    const { class: className, ...rest } = out.attributes;
    ctx.replaceNode(node, {
      type: 'modelValue',
      data: { hName: 'span', hProperties: { className: [className], ...rest } },
      children: [{ type: 'text', value: out.text }],
    });
  },
};
