import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitQueue, type Outcome } from './commit-queue';

let db: Database.Database;

afterEach(() => db?.close());

function setup(): CommitQueue {
	db = new Database(':memory:');
	db.exec('CREATE TABLE t (v INTEGER)');
	return new CommitQueue(db);
}

const count = () => db.prepare('SELECT COUNT(*) FROM t').pluck().get();

describe('commit queue', () => {
	it('commits a batch before any write is reported done, in request order', async () => {
		const queue = setup();
		const seen: string[] = [];
		const insert = db.prepare('INSERT INTO t VALUES (?)');
		const done = new Promise<void>((resolve) => {
			for (let i = 0; i < 3; i++) {
				queue.run(
					() => insert.run(i),
					() => {
						seen.push(`${i}:${String(db.inTransaction)}:${String(count())}`);
						if (i === 2) resolve();
					}
				);
			}
		});
		await done;
		expect(seen).toEqual(['0:false:3', '1:false:3', '2:false:3']);
	});

	it('rolls back a failing write alone and commits the others', () => {
		const queue = setup();
		const outcomes: Outcome<unknown>[] = [];
		const insert = db.prepare('INSERT INTO t VALUES (?)');
		queue.run(
			() => insert.run(1),
			(o) => outcomes.push(o)
		);
		queue.run(
			() => {
				insert.run(2);
				throw new Error('refused');
			},
			(o) => outcomes.push(o)
		);
		queue.run(
			() => insert.run(3),
			(o) => outcomes.push(o)
		);
		queue.flush();
		expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
		expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 3]);
	});

	it('reports every write of a batch as failed when the database is gone', () => {
		const queue = setup();
		const outcomes: Outcome<unknown>[] = [];
		queue.run(
			() => db.prepare('INSERT INTO t VALUES (1)').run(),
			(o) => outcomes.push(o)
		);
		db.close();
		queue.flush();
		expect(outcomes.map((o) => o.ok)).toEqual([false]);
		db = new Database(':memory:');
	});
});
