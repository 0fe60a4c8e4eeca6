export * from './model-profile';
export * from './model-facts';
export * from './model-catalog';
export * from './model-rules';
