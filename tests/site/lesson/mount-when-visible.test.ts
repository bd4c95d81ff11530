import { afterEach, describe, expect, test, vi } from 'vitest';
import { mountWhenVisible, whenNear } from '../../../site/lesson/shared/mount-when-visible.ts';

/** A stand-in for a component's element: a status line the load-failure sentence is written into. */
function fakeElement() {
  const status = { textContent: '', classList: { add: vi.fn() } };
  return { status, querySelector: () => status };
}

/** The one IntersectionObserver a test page made: what it watches, its margin, and a way to scroll an element into it. */
interface FakeObserver {
  observed: unknown[];
  margin: string | undefined;
  disconnected: boolean;
  show(element: unknown): void;
}

/** Stubs a page whose elements matching any selector are `elements`, with IntersectionObserver unless `observer` is false. */
function fakePage(elements: unknown[], observer = true): FakeObserver[] {
  const observers: FakeObserver[] = [];
  vi.stubGlobal('document', { querySelectorAll: () => elements });
  vi.stubGlobal('navigator', { onLine: false });
  vi.stubGlobal('console', { ...console, warn: vi.fn() });
  const window: Record<string, unknown> = {};
  if (observer) {
    window.IntersectionObserver = class {
      private record: FakeObserver;
      constructor(callback: (entries: { isIntersecting: boolean; target: unknown }[]) => void, options: { rootMargin?: string }) {
        this.record = {
          observed: [],
          margin: options.rootMargin,
          disconnected: false,
          show: (element) => callback([{ isIntersecting: true, target: element }]),
        };
        observers.push(this.record);
      }
      observe(element: unknown) {
        this.record.observed.push(element);
      }
      disconnect() {
        this.record.disconnected = true;
      }
    };
    vi.stubGlobal('IntersectionObserver', window.IntersectionObserver);
  }
  vi.stubGlobal('window', window);
  return observers;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('every lesson component mounts through one helper', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('a page without the component loads nothing and watches nothing', () => {
    const observers = fakePage([]);
    const load = vi.fn(() => Promise.resolve());
    mountWhenVisible('perceptron-lab', load);
    expect(load).not.toHaveBeenCalled();
    expect(observers).toEqual([]);
  });

  test('the code loads once, when the first element nears the viewport, and the watching stops', async () => {
    const elements = [fakeElement(), fakeElement()];
    const observers = fakePage(elements);
    const load = vi.fn(() => Promise.resolve());
    mountWhenVisible('course-exercise', load, { margin: '800px' });
    expect(observers).toHaveLength(1);
    expect(observers[0].observed).toEqual(elements);
    expect(observers[0].margin).toBe('800px 0px');
    expect(load).not.toHaveBeenCalled();
    observers[0].show(elements[1]);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(observers[0].disconnected).toBe(true);
  });

  test('a widget starts loading 600 px from the viewport unless told otherwise', () => {
    const observers = fakePage([fakeElement()]);
    mountWhenVisible('activation-explorer', () => Promise.resolve());
    expect(observers[0].margin).toBe('600px 0px');
  });

  test('code that cannot load is explained in every element, named as the component asks', async () => {
    const elements = [fakeElement(), fakeElement()];
    const observers = fakePage(elements);
    mountWhenVisible('notebook-cell', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), { what: 'The code cells' });
    observers[0].show(elements[0]);
    await settle();
    for (const element of elements) {
      expect(element.status.textContent).toBe('The code cells could not load: it needs the network once. Reconnect to the internet, then reload the page.');
    }
  });

  test('a widget that cannot load says "This widget" by default', async () => {
    const elements = [fakeElement()];
    const observers = fakePage(elements);
    mountWhenVisible('nn-playground', () => Promise.reject(new Error('offline')));
    observers[0].show(elements[0]);
    await settle();
    expect(elements[0].status.textContent).toMatch(/^This widget could not load/);
  });

  test('without IntersectionObserver the code loads at once', () => {
    fakePage([fakeElement()], false);
    const load = vi.fn(() => Promise.resolve());
    mountWhenVisible('universal-approximator', load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('one element can wait for itself ([element]): whenNear starts it once, when it nears, and can be cancelled first', () => {
    const observers = fakePage([]);
    const element = fakeElement();
    const start = vi.fn();
    whenNear([element as unknown as Element], start, '300px');
    expect(observers[0].observed).toEqual([element]);
    expect(observers[0].margin).toBe('300px 0px');
    expect(start).not.toHaveBeenCalled();
    observers[0].show(element);
    expect(start).toHaveBeenCalledTimes(1);
    expect(observers[0].disconnected).toBe(true);
    // Cancelled before it neared (the element left the page): it never starts.
    const never = vi.fn();
    const cancel = whenNear([fakeElement() as unknown as Element], never);
    cancel();
    expect(observers[1].disconnected).toBe(true);
  });
});
