/** A worker for the pool's tests: answers each task with the id of the thread that ran it. */
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../src/pool/serve-tasks.ts';

serveTasks(() => threadId);
