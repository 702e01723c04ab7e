import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields.js';

describe('changed fields', () => {
  it('lists only the fields whose value changed', () => {
    const before = {
      name: 'A',
      language: 'nl',
      labels: [{ id: '1', name: 'VIP' }],
      contacts: [{ id: 'x', name: 'Jan' }],
    };
    const after = {
      name: 'B',
      language: 'nl',
      labels: [{ id: '1', name: 'VIP' }],
      contacts: [{ id: 'y', name: 'Jan' }],
    };
    expect(
      changedFields(
        { name: 'B', language: 'nl', labelIds: ['1'], contacts: [{ name: 'Jan' }], notes: undefined },
        before,
        after,
      ),
    ).toEqual(['name']);
  });

  it('counts a field the view does not show as changed', () => {
    expect(changedFields({ password: 'x' }, {}, {})).toEqual(['password']);
  });
});
