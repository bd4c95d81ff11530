// Registers the course's service worker (sw.js, written by scripts/service-worker.ts when the site is
// built), so every page of the course works offline once one has loaded.
//
// Only a production build registers it: the dev server has no sw.js, and a worker there would cache
// its modules. Registering after the page's own load keeps the precache from competing with it. A
// browser or host without service workers still has the course online, so a failure only warns.

if ('serviceWorker' in navigator) {
  if (import.meta.env.PROD) {
    const register = () => {
      navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
        console.warn('The course could not be saved for offline use:', error);
      });
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  } else {
    // `npm start` and `npm run dev` both serve on port 4321: a worker that a production build left
    // behind there would otherwise answer the dev server's pages from its cache.
    void navigator.serviceWorker.getRegistrations().then((registrations) => {
      for (const registration of registrations) void registration.unregister();
    });
  }
}
