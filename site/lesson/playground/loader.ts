// The only playground JavaScript a page loads up front: the widget, its
// worker and the engine load when a playground nears the viewport.

import { mountWhenVisible } from '../shared/mount-when-visible.ts';

mountWhenVisible('nn-playground', () => import('./playground-element.ts'));
