import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  sqlite: string;
  os: string;
  /** 1-minute load average when the bench started and ended: other work on the machine skews figures. */
  loadStart: number;
  loadEnd?: number;
}

export function machineInfo(): MachineInfo {
  const db = new BetterSqlite3(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    sqlite,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    loadStart: os.loadavg()[0] ?? 0,
  };
}
