import { describe, expect, it } from 'vitest';
import { findDateline } from '../../../src/content/seed/find-dateline.ts';
import { bbcFiles, bbcText } from '../real-text.ts';

describe('findDateline', () => {
  it('reads place, date and agency from wire datelines', () => {
    const reuters = findDateline('MOSCOW, Jan 30 (Reuters) - The Kremlin said on Tuesday there was still room for talks.');
    expect(reuters).toMatchObject({ place: 'MOSCOW', agency: 'Reuters', text: 'MOSCOW, Jan 30 (Reuters) -', rest: 'The Kremlin said on Tuesday there was still room for talks.' });
    expect(reuters?.date).toMatchObject({ iso: null, text: 'Jan 30' });
    expect(findDateline('BEIRUT, Lebanon (AP) — Israeli strikes hit southern Lebanon overnight.')).toMatchObject({ place: 'BEIRUT, Lebanon', agency: 'AP', date: null });
    expect(findDateline('ST. PETERSBURG, Russia, Jan. 30, 2024 — Officials said the port would reopen.')?.date?.iso).toBe('2024-01-30');
    expect(findDateline('Washington (Reuters) - The Pentagon said on Monday it would send more ships.')?.place).toBe('Washington');
  });

  it('does not take an ordinary opening for a dateline', () => {
    expect(findDateline('Mr Blair — who was speaking in Brussels — said the talks would go on.')).toBeNull();
    expect(findDateline('The Kremlin said on Jan. 30 - a Tuesday - that talks could resume.')).toBeNull();
    expect(findDateline('On Jan 30 - a Tuesday - the Kremlin spoke.')).toBeNull();
  });

  it('finds no dateline in any paragraph of the BBC corpus, which has none', () => {
    const found: string[] = [];
    for (const file of bbcFiles()) {
      for (const line of bbcText(file).split('\n')) {
        const dateline = line.trim() === '' ? null : findDateline(line.trim());
        if (dateline !== null) found.push(`${file}: ${dateline.text}`);
      }
    }
    expect(found).toEqual([]);
  });
});
