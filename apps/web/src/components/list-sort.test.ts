import { describe, expect, it } from 'vitest';
import { ariaSort, defineSorts, parseSort, sortParts, toggleSort } from './list-sort';

const sorts = defineSorts(['name', 'number', 'createdAt'], 'name');

describe('list sort', () => {
  it('reads a known sort from the URL and falls back to the default otherwise', () => {
    expect(parseSort(sorts, '-number')).toBe('-number');
    expect(parseSort(sorts, 'createdAt')).toBe('createdAt');
    expect(parseSort(sorts, null)).toBe('name');
    expect(parseSort(sorts, '')).toBe('name');
    expect(parseSort(sorts, 'city')).toBe('name');
    expect(parseSort(sorts, '--name')).toBe('name');
  });

  it('toggles the sorted column ascending → descending → ascending; another column starts ascending', () => {
    expect(toggleSort(sorts.default, 'name')).toBe('-name');
    expect(toggleSort('-name', 'name')).toBe('name');
    expect(toggleSort('-name', 'number')).toBe('number');
    expect(toggleSort('number', 'createdAt')).toBe('createdAt');
  });

  it('splits a sort into field and direction, and gives aria-sort only to the sorted column', () => {
    expect(sortParts('-createdAt')).toEqual({ field: 'createdAt', direction: 'desc' });
    expect(sortParts('name')).toEqual({ field: 'name', direction: 'asc' });
    expect(ariaSort('-number', 'number')).toBe('descending');
    expect(ariaSort('number', 'number')).toBe('ascending');
    expect(ariaSort('number', 'name')).toBeUndefined();
  });
});
