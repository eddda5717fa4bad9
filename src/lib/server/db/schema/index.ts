export * from './common';
export * from './areas';
export * from './organisations';
export * from './people';
export * from './bodies';
export * from './site';
export * from './audit';
export * from './accounts';
