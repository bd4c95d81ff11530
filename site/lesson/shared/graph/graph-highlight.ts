// Linking a drawn graph (graph-svg.ts) with what explains it: hovering or
// focusing a node marks it, its edges and the nodes at their other ends, so a
// reader sees where a gradient comes from and where it goes.

/** The trace id of the graph node an event target is in, or null outside any node. */
export function nodeIdOf(target: EventTarget | null): number | null {
  if (target === null || !(target instanceof Element)) return null;
  const node = target.closest('[data-node]');
  if (node === null) return null;
  const id = Number(node.getAttribute('data-node'));
  return Number.isInteger(id) ? id : null;
}

/**
 * Marks node `id` of the graph inside `root` (class `is-highlighted`), its edges (`is-linked`) and its neighbours
 * (`is-neighbour`); null clears every mark.
 */
export function highlightNode(root: ParentNode, id: number | null): void {
  root.querySelectorAll('.is-highlighted, .is-linked, .is-neighbour').forEach((el) => el.classList.remove('is-highlighted', 'is-linked', 'is-neighbour'));
  if (id === null) return;
  root.querySelector(`.graph-node[data-node="${id}"]`)?.classList.add('is-highlighted');
  root.querySelectorAll(`.graph-edge[data-from="${id}"], .graph-edge[data-to="${id}"]`).forEach((edge) => {
    edge.classList.add('is-linked');
    const other = edge.getAttribute('data-from') === String(id) ? edge.getAttribute('data-to') : edge.getAttribute('data-from');
    root.querySelector(`.graph-node[data-node="${other}"]`)?.classList.add('is-neighbour');
  });
}
