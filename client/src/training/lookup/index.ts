export { LookupPanel } from './LookupPanel';
export { CatalogueSearch } from './CatalogueSearch';
export { KnowledgeSearch } from './KnowledgeSearch';
