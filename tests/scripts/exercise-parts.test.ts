// The build moves each exercise's solution, explanation, answer key, hints and feedback out of the page into a file
// of its own, which the exercise fetches when it starts: the holder is left empty and names that file.
import { describe, expect, test } from 'vitest';
import { extractExerciseParts } from '../../scripts/exercise-parts.ts';

describe('exercise parts', () => {
  test('each holder is emptied and pointed at its file; nested divs and templates go with it', () => {
    const page =
      '<course-exercise><p>prompt</p><div class="ex-parts" data-exercise-parts="a-b">' +
      '<div class="ex-solution" hidden><div><b>x</b></div></div><template data-hint="0"><div>h</div></template>' +
      '<script type="application/json" data-role="answer-key">{"k":"\\u003cdiv"}</script></div><p>after</p></course-exercise>' +
      '<course-exercise><div class="ex-parts" data-exercise-parts="c">C</div></course-exercise>';
    const { html, parts } = extractExerciseParts(page);
    expect(html).toBe(
      '<course-exercise><p>prompt</p><div class="ex-parts" data-exercise-parts="a-b" data-src="/exercise-parts/a-b.json"></div><p>after</p></course-exercise>' +
        '<course-exercise><div class="ex-parts" data-exercise-parts="c" data-src="/exercise-parts/c.json"></div></course-exercise>',
    );
    expect(parts.get('a-b')).toBe(
      '<div class="ex-solution" hidden><div><b>x</b></div></div><template data-hint="0"><div>h</div></template>' +
        '<script type="application/json" data-role="answer-key">{"k":"\\u003cdiv"}</script>',
    );
    expect(parts.get('c')).toBe('C');
  });

  test('a page without exercises is left as it is, and a site served under a base path names its files there', () => {
    expect(extractExerciseParts('<p>text</p>')).toEqual({ html: '<p>text</p>', parts: new Map() });
    expect(extractExerciseParts('<div class="ex-parts" data-exercise-parts="x">X</div>', '/course/').html).toContain('data-src="/course/exercise-parts/x.json"');
  });

  test('a holder that is never closed fails the build instead of cutting the page short', () => {
    expect(() => extractExerciseParts('<div class="ex-parts" data-exercise-parts="x"><div>')).toThrow(/not closed/);
  });
});
