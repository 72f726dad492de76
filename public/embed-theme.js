/* Embeds: pin a known theme from ?theme= before the first paint (no other URL text is read). */
(function(){var t=new URLSearchParams(location.search).get('theme');
if(t==='light'||t==='dark'||t==='transparent')document.documentElement.setAttribute('data-theme',t)})();
