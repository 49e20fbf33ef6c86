export * from './palette';
export { ThemeProvider, useTheme } from './theme';
