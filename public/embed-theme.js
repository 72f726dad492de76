/* Built from src/boot/embed-theme.ts by npm run boot-scripts; edit that file. */
(()=>{const e=new URLSearchParams(location.search).get("theme");(e==="light"||e==="dark"||e==="transparent")&&document.documentElement.setAttribute("data-theme",e);})();
