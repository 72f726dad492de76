/**
 * Embeds: pin a known theme from `?theme=` before the first paint (no other URL text is
 * read; src/scripts/embed.ts takes over once loaded). Built to public/embed-theme.js by
 * `npm run boot-scripts`.
 */
const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'light' || theme === 'dark' || theme === 'transparent') document.documentElement.setAttribute('data-theme', theme);
