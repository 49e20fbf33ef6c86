import { describe, expect, it } from 'vitest';
import { uploadedScenario } from './uploaded-scenario';

const builtIns: Record<string, Record<string, unknown>> = {
  base: {
    name: 'base',
    hours: 24,
    intake: { agents: 50, talkMinutes: { exponential: { mean: 5 } } },
    tags: [1, 2],
  },
};
const fetchBuiltIn = (name: string) => {
  const s = builtIns[name];
  return s
    ? Promise.resolve(structuredClone(s))
    : Promise.reject(new Error(`no built-in scenario "${name}"`));
};

describe('an uploaded scenario file', () => {
  it('that extends a built-in is the built-in with its fields merged over (objects merge, arrays replace)', async () => {
    const s = await uploadedScenario(
      JSON.stringify({ extends: 'base', name: 'mine', intake: { agents: 60 }, tags: [3] }),
      fetchBuiltIn,
    );
    expect(s).toEqual({
      name: 'mine',
      hours: 24,
      intake: { agents: 60, talkMinutes: { exponential: { mean: 5 } } },
      tags: [3],
    });
  });

  it('without extends is taken as it is; bad files and unknown bases say why', async () => {
    expect(await uploadedScenario('{"name":"x"}', fetchBuiltIn)).toEqual({ name: 'x' });
    await expect(uploadedScenario('[1]', fetchBuiltIn)).rejects.toThrow(/expected an object/);
    await expect(uploadedScenario('{"extends":4}', fetchBuiltIn)).rejects.toThrow(
      /extends must name a built-in/,
    );
    await expect(uploadedScenario('{"extends":"nope"}', fetchBuiltIn)).rejects.toThrow(
      /no built-in scenario "nope"/,
    );
  });
});
