import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { databaseFromPool } from './index.ts';

describe('PostgreSQL pool', () => {
  it('survives an idle client losing its connection (no uncaught error), and warns only while open', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const database = databaseFromPool(pool);
      expect(() => pool.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
      expect(warn).toHaveBeenCalledTimes(1);
      await database.close();
      expect(() => pool.emit('error', new Error('late'))).not.toThrow();
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});
