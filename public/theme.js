/* Theme switch (the only script on archive pages): auto -> light -> dark; auto follows the system. */
(function(){var K='slowest-side-theme',r=document.documentElement,N=['auto','light','dark'];
function g(){try{var t=localStorage.getItem(K);return t==='light'||t==='dark'?t:'auto'}catch{return 'auto'}}
function a(t){if(t==='auto')r.removeAttribute('data-theme');else r.setAttribute('data-theme',t);
var b=document.getElementById('theme-switch');if(b){b.textContent='Theme: '+t;b.setAttribute('aria-label','Colour theme: '+t+'. Change')}
document.dispatchEvent(new CustomEvent('slowest-side:theme',{detail:t}))}
a(g());document.addEventListener('DOMContentLoaded',function(){var b=document.getElementById('theme-switch');if(!b)return;
b.hidden=false;a(g());b.addEventListener('click',function(){var n=N[(N.indexOf(g())+1)%3];
try{if(n==='auto')localStorage.removeItem(K);else localStorage.setItem(K,n)}catch{}a(n)})})})();
