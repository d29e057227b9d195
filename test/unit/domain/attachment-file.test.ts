import { describe, expect, it } from 'vitest';
import { keptFileName, MAX_FILE_NAME_LENGTH } from '../../../functions/domain/attachment-file.js';

describe('Function: keptFileName', () => {
  it('keeps a plain name as given', () => {
    expect(keptFileName('receipt.pdf')).toBe('receipt.pdf');
    expect(keptFileName('水壶 底部漏水.jpg')).toBe('水壶 底部漏水.jpg');
  });

  it('keeps only the last segment of a path a browser sent', () => {
    expect(keptFileName('C:\\Users\\li\\Desktop\\photo.png')).toBe('photo.png');
    expect(keptFileName('../../etc/passwd')).toBe('passwd');
  });

  it('drops control and bidi override characters that could disguise an extension', () => {
    expect(keptFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(keptFileName('a\u0000b.png')).toBe('ab.png');
  });

  it('bounds the name by characters, not UTF-16 units', () => {
    const kept = keptFileName('图'.repeat(MAX_FILE_NAME_LENGTH + 50));
    expect([...kept]).toHaveLength(MAX_FILE_NAME_LENGTH);
  });

  it('names a file "file" when nothing usable is left', () => {
    expect(keptFileName('   ')).toBe('file');
    expect(keptFileName('photos/')).toBe('file');
    expect(keptFileName('..')).toBe('file');
  });
});
