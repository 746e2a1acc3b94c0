export * from './common.ts';
export * from './auth.ts';
export * from './organisations.ts';
export * from './projects.ts';
export * from './municipalities.ts';
export * from './passports.ts';
export * from './stock.ts';
export * from './monitoring.ts';
