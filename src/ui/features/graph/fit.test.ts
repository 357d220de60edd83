import { describe, expect, it } from 'vitest';
import { fitOptions, fitPadding, FIT_MAX_ZOOM } from './fit';

describe('fit framing', () => {
  it('follows the worked example: room for presenter captions at the bottom only', () => {
    expect(fitPadding(889, 251, 60)).toEqual({ top: '8px', right: '27px', bottom: '68px', left: '27px' });
  });
  it('is symmetric without anything over the graph, and never zooms in past FIT_MAX_ZOOM', () => {
    const o = fitOptions(1000, 500);
    expect(o.padding).toEqual({ top: '15px', right: '30px', bottom: '15px', left: '30px' });
    expect(o.maxZoom).toBe(FIT_MAX_ZOOM);
    expect(fitPadding(1000, 500, -5).bottom).toBe('15px');
  });
});
