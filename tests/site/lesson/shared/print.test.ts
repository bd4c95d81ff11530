import { describe, expect, it } from 'vitest';
import { formatSettings, printedAddress, squeeze } from '../../../../site/lesson/shared/print.ts';

describe('the settings line a printed widget carries', () => {
  it('writes each field as "label: value", joined by a middle dot, in the order given', () => {
    expect(formatSettings([
      { label: 'Surface', value: 'Rosenbrock' },
      { label: 'Noise σ', value: '0.3' },
      { label: 'SGD', value: 'on' },
    ])).toBe('Surface: Rosenbrock · Noise σ: 0.3 · SGD: on');
  });

  it('squeezes the whitespace markup leaves in labels, and drops a trailing colon', () => {
    expect(formatSettings([{ label: '\n   Learning rate\n   η:  ', value: ' 0.03 ' }])).toBe('Learning rate η: 0.03');
  });

  it('writes a field drawn twice (a slider and its number) once, and leaves out empty values', () => {
    expect(formatSettings([
      { label: 'Epochs', value: '40' },
      { label: 'Epochs', value: '40' },
      { label: 'Seed', value: '' },
      { label: '', value: 'Adam' },
    ])).toBe('Epochs: 40 · Adam');
  });

  it('is empty for a widget without settings', () => {
    expect(formatSettings([])).toBe('');
  });

  it('squeeze collapses runs of whitespace of every kind', () => {
    expect(squeeze(' a \t b\n\nc ')).toBe('a b c');
  });
});

describe('the address printed after a link', () => {
  const page = 'https://course.example/lessons/mlp/?x=1#hidden-layers';

  it('is the absolute address of a link to another page or site', () => {
    expect(printedAddress('/lessons/losses/#cross-entropy', page)).toBe('https://course.example/lessons/losses/#cross-entropy');
    expect(printedAddress('../activations/', page)).toBe('https://course.example/lessons/activations/');
    expect(printedAddress('https://pytorch.org/docs/', page)).toBe('https://pytorch.org/docs/');
  });

  it('is left out for a link within the page, written as a fragment or as the page itself', () => {
    expect(printedAddress('#backprop', page)).toBeNull();
    expect(printedAddress('/lessons/mlp/?x=1#universal', page)).toBeNull();
  });

  it('is left out for what is not a web address, and for a missing or broken one', () => {
    expect(printedAddress('javascript:void(0)', page)).toBeNull();
    expect(printedAddress(null, page)).toBeNull();
    expect(printedAddress('', page)).toBeNull();
    expect(printedAddress('http://[bad', page)).toBeNull();
  });

  it('keeps a mail address as written', () => {
    expect(printedAddress('mailto:course@example.org', page)).toBe('mailto:course@example.org');
  });
});
