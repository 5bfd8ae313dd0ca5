import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerSupervisor } from './worker-supervisor';

/** The API's supervision of its worker child: restarted when it dies, passed the shutdown signal when the API stops. */
describe('WorkerSupervisor', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'megicai-supervisor-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const script = (body: string) => {
    const path = join(dir, 'worker.js');
    writeFileSync(path, body);
    return path;
  };
  const readable = (path: string) => {
    try {
      readFileSync(path);
      return true;
    } catch {
      return false;
    }
  };
  const until = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('starts the worker again after it dies', async () => {
    const starts = join(dir, 'starts');
    // Each start appends a line, then the first two die at once.
    const entry = script(
      `const fs=require('fs');fs.appendFileSync(${JSON.stringify(starts)},'x');` +
        `if(fs.readFileSync(${JSON.stringify(starts)},'utf8').length<3)process.exit(1);setInterval(()=>{},1000);`,
    );
    const supervisor = new WorkerSupervisor(entry);
    supervisor.start();
    await until(() => readable(starts) && readFileSync(starts, 'utf8').length === 3);
    await supervisor.stop();
  });

  it('passes SIGTERM on and waits for the worker to finish', async () => {
    const done = join(dir, 'drained');
    const entry = script(
      `process.on('SIGTERM',()=>{setTimeout(()=>{require('fs').writeFileSync(${JSON.stringify(done)},'1');process.exit(0)},200)});` +
        `setInterval(()=>{},1000);require('fs').writeFileSync(${JSON.stringify(done)},'0');`,
    );
    const supervisor = new WorkerSupervisor(entry);
    supervisor.start();
    await until(() => readable(done));
    await supervisor.stop('SIGTERM');
    expect(readFileSync(done, 'utf8')).toBe('1');
  });
});
