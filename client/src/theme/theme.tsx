import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Theme } from './palette';

const ThemeContext = createContext<{ theme: Theme; setTheme(theme: Theme): void } | null>(null);

function initialTheme(): Theme {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  if (fromUrl === 'dark' || fromUrl === 'light') return fromUrl;
  return window.localStorage.getItem('hotline-theme') === 'light' ? 'light' : 'dark';
}

/**
 * The theme is set on <html> before React re-renders: canvases read the theme's colours from CSS
 * variables in their effects, and children's effects run before a provider's would.
 */
function applyTheme(theme: Theme): Theme {
  document.documentElement.dataset.theme = theme;
  window.localStorage.setItem('hotline-theme', theme);
  return theme;
}

/** Dark (the default: projectors in dim rooms) or light (bright rooms), kept across visits. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>(() => applyTheme(initialTheme()));
  const setTheme = useCallback((next: Theme) => setThemeState(applyTheme(next)), []);
  return <ThemeContext.Provider value={{ theme, setTheme }}>{children}</ThemeContext.Provider>;
}

export function useTheme() {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useTheme outside ThemeProvider');
  return value;
}
