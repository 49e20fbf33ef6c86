import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenario, parseScenario } from '@hotline-sim/shared';
import { resolveScenario } from '../src/live/run-info';
import { hotline } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'hotline-show-'));

describe.concurrent('hotline show and extends', () => {
  it('show --yaml prints a built-in as a file that loads back to the same scenario', async () => {
    const r = await hotline('show', 'stage-2024', '--yaml');
    expect(r.code).toBe(0);
    expect(parseScenario(r.stdout, 'stage-2024.yaml')).toEqual(builtInScenario('stage-2024'));
    const json = await hotline('show', 'mmc');
    expect(JSON.parse(json.stdout)).toEqual(builtInScenario('mmc'));
  });

  it('the CLI runs a YAML file that extends a file that extends a built-in', async () => {
    writeFileSync(join(dir, 'short.yaml'), 'extends: mmc\nhours: 6\n');
    writeFileSync(
      join(dir, 'fewer.yaml'),
      'extends: short.yaml\nname: fewer agents\nintake:\n  agents: 40\n',
    );
    const r = await hotline('show', join(dir, 'fewer.yaml'));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { name: string; hours: number; intake: { agents: number } };
    expect([s.name, s.hours, s.intake.agents]).toEqual(['fewer agents', 6, 40]);
    const run = await hotline('run', join(dir, 'fewer.yaml'), '--json');
    expect(run.code).toBe(0);
    writeFileSync(join(dir, 'broken.yaml'), 'extends: nowhere.yaml\n');
    const broken = await hotline('show', join(dir, 'broken.yaml'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/extends: no built-in scenario or file "nowhere.yaml"/);
  });

  it('the API accepts a scenario object that extends a built-in, and refuses a file reference with 422', () => {
    const s = resolveScenario({ extends: 'beijing-weekday', name: 'weekday, 6 h', hours: 6 });
    expect([s.name, s.hours]).toEqual(['weekday, 6 h', 6]);
    expect(s.lifecycle).toEqual(builtInScenario('beijing-weekday')?.lifecycle);
    expect(() => resolveScenario({ extends: '/etc/passwd' })).toThrow(
      expect.objectContaining({ status: 422, message: expect.stringMatching(/files only from the CLI/) }),
    );
  });
});
