export * from './model.ts';
export * from './cycle.ts';
export * from './progress.ts';
export * from './diff.ts';
export * from './templates.ts';
export * from './evidence-file.ts';
