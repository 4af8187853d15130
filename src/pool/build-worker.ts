/** The build's worker thread: runs article and render tasks sent by WorkerPool. */
import { runBuildTask } from './build-tasks.ts';
import { serveTasks } from './serve-tasks.ts';

serveTasks(runBuildTask);
