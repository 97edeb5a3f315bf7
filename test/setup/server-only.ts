// Stands in for the `server-only` package under Vitest. The real one throws unless the bundler
// resolves the react-server condition, which only Next does; tests import server modules directly.
export {};
