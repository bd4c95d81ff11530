// The only cell JavaScript a page loads up front: when the first cell comes within a screen or so
// of the viewport, fetch the notebook (editor, runtime client) and start it. Pages without cells
// never load even this, since it ships with the Cell component. If the code cannot load (offline
// before the course was saved), every cell says so instead of keeping a silent, disabled Run button.

import { showLoadFailure } from '../../offline/load-failure.ts';

const cells = document.querySelectorAll('notebook-cell');
if (cells.length > 0 && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      // The runtime chunk is small: its worker starts loading the engine while the editor's larger
      // chunk is still on its way.
      const runtime = import('../../runtime/runtime.ts').then(({ Runtime }) => {
        const started = new Runtime();
        started.warm();
        return started;
      });
      Promise.all([runtime, import('./notebook.ts')])
        .then(([started, { startNotebook }]) => startNotebook(started))
        .catch((error: unknown) => showLoadFailure(cells, 'The code cells', error));
    },
    { rootMargin: '800px 0px' },
  );
  for (const cell of cells) observer.observe(cell);
}
