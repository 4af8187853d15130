/** The build's worker thread: runs article, relate and render tasks sent by WorkerPool. */
import type { BuildTask, BuildTaskResults } from './build-tasks.ts';
import { serveTasks } from './serve-tasks.ts';

/**
 * Each task kind's module is loaded on its first task: a thread runs one kind (parse workers end
 * when parsing does), and a render worker that loaded the parser (chrono, the enricher: ~1 s of
 * tsx module loading under load) would start that much later, at the head of the render stage.
 */
serveTasks(async (task: BuildTask): Promise<BuildTaskResults[BuildTask['kind']]> => {
  if (task.kind === 'articles') return (await import('./article-task.ts')).runArticleTask(task);
  if (task.kind === 'relate') return (await import('./relate-task.ts')).runRelateTask(task);
  return (await import('./render-task.ts')).renderPagesNow(task);
});
