export { registerOpen311Routes } from './open311.routes.ts';
