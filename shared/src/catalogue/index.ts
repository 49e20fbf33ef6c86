/**
 * The appeal catalogue: the units that own appeals, the ~30 appeal categories in ~10 groups, and the
 * Chinese work-order texts (with English glosses) used to make simulated appeals readable.
 */
export * from './units';
export * from './local-offices';
export * from './categories';
export * from './appeal-text';
export * from './appeal-site';
export * from './demand-years';
