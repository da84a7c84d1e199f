import type { Database } from 'better-sqlite3';
import type { CallContext } from '../context';

/** The handler of a delete method: removes the row the id names and answers null, as those methods promise. */
export function deleteById(remove: (db: Database, id: number) => void) {
  return ({ id }: { id: number }, { db }: CallContext): null => {
    remove(db, id);
    return null;
  };
}
