import { describe, expect, it } from 'vitest';
import { uploadBody } from './upload-body';

describe('lesson upload body', () => {
  it('sends a JSON file as its object and anything else as YAML text', () => {
    expect(uploadBody('l.json', '{"id":"x"}')).toEqual({ id: 'x' });
    expect(uploadBody('l.yaml', 'id: x\n')).toEqual({ yaml: 'id: x\n' });
    expect(uploadBody('l.YML', 'id: x')).toEqual({ yaml: 'id: x' });
  });

  it('refuses a JSON file that is not one object', () => {
    expect(() => uploadBody('l.json', '[1]')).toThrow(/one object/);
    expect(() => uploadBody('l.json', '{oops')).toThrow(SyntaxError);
  });
});
