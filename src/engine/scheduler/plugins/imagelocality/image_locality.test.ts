import { describe, expect, it } from 'vitest';
import { calculatePriority, normalizedImageName, scaledImageScore } from './image_locality';

const MB = 1024 * 1024;

describe('ImageLocality', () => {
  it.each([
    ['nginx', 'nginx:latest'],
    ['nginx:1.25', 'nginx:1.25'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['busybox@sha256:abc', 'busybox@sha256:abc'],
  ])('normalizes %s', (a, b) => expect(normalizedImageName(a)).toBe(b));
  it('scales by the share of nodes having the image and clamps to 23 MB..1000 MB per container', () => {
    // 500 MB on 2 of 4 nodes ⇒ 250 MB; 100 * (250 - 23) / (1000 - 23) = 23.
    expect(calculatePriority(scaledImageScore({ size: 500 * MB, numNodes: 2 }, 4), 1)).toBe(23);
    expect(calculatePriority(10 * MB, 1)).toBe(0);
    expect(calculatePriority(5000 * MB, 1)).toBe(100);
  });
});
