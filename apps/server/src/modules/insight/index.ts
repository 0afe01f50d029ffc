// insight: read-only numbers across modules (the one module allowed to join their tables).
export { insightRoutes, matchRate, friendsByShop } from './match-rate.ts';
