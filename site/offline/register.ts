// Registers the course's service worker (sw.js, written by scripts/service-worker.ts when the site is
// built), so every page of the course works offline once one has loaded.
//
// Only a production build registers it: the dev server has no sw.js, and a worker there would cache
// its modules. Registering after the page's own load keeps the precache from competing with it. A
// browser or host without service workers still has the course online, so a failure only warns.

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('The course could not be saved for offline use:', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
