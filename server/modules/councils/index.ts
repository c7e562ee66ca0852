export { council, councilLegalForms } from './council.tables.ts';
